package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns FedEx's error body {@code {transactionId, errors:[{code, message, parameterList}]}} and its
 * HTTP status into the port's exceptions: our account, credentials and permissions (401 after a fresh
 * token, 403, ACCOUNTNUMBER.*) are account problems; other request faults reject the shipment;
 * everything the carrier may fix by itself (quota, outages) is "unavailable".
 */
final class FedexErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CarrierCode FEDEX = CarrierCode.FEDEX;
  private static final Set<String> ACCOUNT_CODES = Set.of("NOT.AUTHORIZED.ERROR", "FORBIDDEN.ERROR",
      "SHIPMENT.USER.UNAUTHORIZED", "UNAUTHORIZED.USAGE", "LOGIN.REAUTHENTICATE.ERROR");

  private FedexErrors() {}

  static CarrierException fromResponse(String operation, HttpResult result, Duration retryAfter) {
    JsonNode body = parse(result.body());
    String transactionId = text(body, "transactionId");
    String reason = reason(body);
    String message = operation + " failed with HTTP " + result.code() + (reason.isEmpty() ? "" : ": " + reason);
    List<String> codes = codes(body);
    if (result.code() == 403) {
      return account("fedex:forbidden", message, transactionId);
    }
    if (result.code() == 401) {
      return account("fedex:credentials", message, transactionId);
    }
    for (String code : codes) {
      if (isAccountCode(code)) {
        return account("fedex:account:" + code, message, transactionId);
      }
    }
    if (isRequestFault(result.code())) {
      return new CarrierRejectedException(FEDEX, message, transactionId);
    }
    return new CarrierUnavailableException(FEDEX, message, transactionId, retryAfter, null);
  }

  /**
   * Codes about our account number, credentials or permissions rather than the shipment: FedEx's
   * ACCOUNTNUMBER.* family (e.g. ACCOUNTNUMBER.REGISTRATION.REQUIRED), ACCOUNT.NUMBER.* (seen as
   * ACCOUNT.NUMBER.MISMATCH), and the authorization codes of its spec examples when they come in a 400.
   */
  static boolean isAccountCode(String code) {
    return code.startsWith("ACCOUNTNUMBER.") || code.startsWith("ACCOUNT.NUMBER.")
        || ACCOUNT_CODES.contains(code);
  }

  static CarrierAccountException account(String causeKey, String message, String transactionId) {
    return new CarrierAccountException(FEDEX, causeKey, message, transactionId, null, null);
  }

  /** FedEx's error codes in the body, in order ({@code errors[].code}). */
  static List<String> codes(String body) {
    return codes(parse(body));
  }

  private static List<String> codes(JsonNode body) {
    List<String> codes = new ArrayList<>();
    if (body != null) {
      for (JsonNode error : body.path("errors")) {
        String code = error.path("code").asText("").strip();
        if (!code.isEmpty()) {
          codes.add(code.toUpperCase(Locale.ROOT));
        }
      }
    }
    return codes;
  }

  static CarrierUnavailableException unavailable(String message, Duration retryAfter, Throwable cause) {
    return new CarrierUnavailableException(FEDEX, message, null, retryAfter, cause);
  }

  static CarrierUnavailableException malformed(String operation, String transactionId, Throwable cause) {
    return new CarrierUnavailableException(
        FEDEX, operation + " returned a body that is not the JSON FedEx documents", transactionId, null, cause);
  }

  /** FedEx's daily quota 429 says "Retry after 12:00AM GMT": wait for the next UTC midnight. */
  static boolean isDailyQuota(HttpResult result) {
    return result.code() == 429 && result.body() != null
        && result.body().toLowerCase(Locale.ROOT).contains("daily transaction quota");
  }

  static Duration untilNextUtcMidnight(Instant now) {
    Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return Duration.between(now, midnight);
  }

  static boolean isRequestFault(int code) {
    return code >= 400 && code < 500 && code != 401 && code != 403 && code != 408 && code != 429;
  }

  static String reason(JsonNode body) {
    List<String> parts = new ArrayList<>();
    if (body != null && body.path("errors").isArray()) {
      for (JsonNode error : body.path("errors")) {
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        List<String> parameters = new ArrayList<>();
        for (JsonNode parameter : error.path("parameterList")) {
          parameters.add((parameter.path("key").asText("") + " " + parameter.path("value").asText("")).strip());
        }
        String text = code.isEmpty() ? message : code + " " + message;
        parts.add(parameters.isEmpty() ? text : text + " (" + String.join(", ", parameters) + ")");
      }
    }
    return String.join("; ", parts).strip();
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (Exception notJson) {
      return null;
    }
  }
}

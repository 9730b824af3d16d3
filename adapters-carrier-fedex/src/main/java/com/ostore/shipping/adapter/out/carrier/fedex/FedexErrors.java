package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
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

/**
 * Turns FedEx's error body {@code {transactionId, errors:[{code, message}]}} and its HTTP status into
 * the port's exceptions: request faults are rejections, everything the carrier may fix by itself
 * (auth, quota, outages) is "unavailable".
 */
final class FedexErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CarrierCode FEDEX = CarrierCode.FEDEX;

  private FedexErrors() {}

  static CarrierException fromResponse(String operation, HttpResult result, Duration retryAfter) {
    JsonNode body = parse(result.body());
    String transactionId = text(body, "transactionId");
    String reason = reason(body);
    String message = operation + " failed with HTTP " + result.code() + (reason.isEmpty() ? "" : ": " + reason);
    if (isRequestFault(result.code())) {
      return new CarrierRejectedException(FEDEX, message, transactionId);
    }
    return new CarrierUnavailableException(FEDEX, message, transactionId, retryAfter, null);
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
        parts.add(code.isEmpty() ? message : code + " " + message);
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

package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads USPS error bodies (the v3 envelope {@code {apiVersion, error:{code, message, errors[]}}}, RFC 6749
 * OAuth errors, gateway faults) and decides whose problem a failed status is: USPS's (transient), our
 * account's ({@link CarrierAccountException}) or the shipment's ({@link CarrierRejectedException}).
 */
final class UspsErrors {
  private static final CarrierCode USPS = CarrierCode.USPS;
  /**
   * Label refusals about our enrolment, payment token, manifest MID or contract, never the shipment
   * (USPS error inventory, Domestic Labels Outbound).
   */
  private static final Set<String> ACCOUNT_LABEL_CODES = Set.of("160173", "160255", "160259", "160302", "160303",
      "160369");
  private final ObjectMapper json;
  private final SensitiveValues sensitive;

  UspsErrors(ObjectMapper json, SensitiveValues sensitive) {
    this.json = json;
    this.sensitive = sensitive;
  }

  /**
   * The exception for a non-2xx answer: 408, 429 and 5xx are outages (retryable, no sooner than
   * {@code wait}); 401 (after a fresh token), 403, every payment refusal and the label refusals about
   * our account are account problems; any other 4xx rejects the shipment's request.
   */
  RuntimeException failure(String api, HttpResult result, Duration wait) {
    int status = result.code();
    String message = "USPS " + api + " HTTP " + status + ": " + describe(result);
    if (status == 429 || status == 408 || status >= 500) {
      return new CarrierUnavailableException(USPS, message, null, wait, null);
    }
    List<String> codes = codes(result);
    String code = codes.isEmpty() ? Integer.toString(status) : codes.get(0);
    if (status == 401) {
      return account("usps:credentials:" + api, message);
    }
    if (status == 403) {
      return account("usps:forbidden:" + api, message);
    }
    if (api.equals("payments")) {
      return account("usps:payment:" + code, message);
    }
    if (codes.stream().anyMatch(ACCOUNT_LABEL_CODES::contains)) {
      return account("usps:" + api + ":" + code, message);
    }
    return new CarrierRejectedException(USPS, describe(result), null);
  }

  CarrierAccountException account(String causeKey, String message) {
    return new CarrierAccountException(USPS, causeKey, message, null, null, null);
  }

  /** USPS's diagnostic codes in the envelope ({@code error.errors[].code}), in order. */
  List<String> codes(HttpResult response) {
    List<String> codes = new ArrayList<>();
    try {
      JsonNode root = json.readTree(response.body());
      for (JsonNode item : root.path("error").path("errors")) {
        String code = item.path("code").asText("").strip();
        if (!code.isEmpty()) {
          codes.add(code);
        }
      }
    } catch (Exception notJson) {
      // no codes
    }
    return codes;
  }

  /** Whether the body is USPS's own error envelope (not an API gateway's fault or an empty body). */
  boolean isEnvelope(HttpResult response) {
    try {
      JsonNode root = json.readTree(response.body());
      return root != null && root.path("error").isObject() && root.has("apiVersion");
    } catch (Exception notJson) {
      return false;
    }
  }

  /** USPS's own words for the failure, scrubbed of credentials. */
  String describe(HttpResult response) {
    return sensitive.scrub(describe(response.body()));
  }

  String describe(byte[] body) {
    try {
      JsonNode root = json.readTree(body);
      return root == null ? "no details" : describe(root);
    } catch (Exception e) {
      return "no readable details";
    }
  }

  String describe(JsonNode root) {
    JsonNode error = root.path("error");
    if (error.isTextual()) {
      String description = root.path("error_description").asText("");
      return description.isEmpty() ? error.asText() : error.asText() + ": " + description;
    }
    List<String> details = new ArrayList<>();
    for (JsonNode item : error.path("errors")) {
      String detail = item.path("detail").asText(item.path("title").asText(""));
      String code = item.path("code").asText("");
      String parameter = item.path("source").path("parameter").asText("");
      if (!detail.isBlank()) {
        String where = parameter.isBlank() || detail.toLowerCase(Locale.ROOT).contains(parameter.toLowerCase(Locale.ROOT))
            ? "" : parameter + ": ";
        details.add(where + (code.isBlank() ? detail : detail + " (" + code + ")"));
      }
    }
    if (!details.isEmpty()) {
      return String.join("; ", details);
    }
    String message = error.path("message").asText(root.path("fault").path("faultstring").asText(""));
    return message.isBlank() ? "no details" : message;
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads USPS error bodies (the v3 envelope {@code {apiVersion, error:{code, message, errors[]}}}, RFC 6749
 * OAuth errors, gateway faults) and decides what a failed status means for the caller.
 */
final class UspsErrors {
  private static final CarrierCode USPS = CarrierCode.USPS;
  private final ObjectMapper json;
  private final SensitiveValues sensitive;
  private final Clock clock;

  UspsErrors(ObjectMapper json, SensitiveValues sensitive, Clock clock) {
    this.json = json;
    this.sensitive = sensitive;
    this.clock = clock;
  }

  /**
   * The exception for a non-2xx answer other than 401: 429, 503 and other 5xx are transient; 403 is an
   * account problem a retry will not fix soon; any other 4xx rejects the request itself.
   */
  RuntimeException failure(String api, UspsResponse response) {
    int status = response.status();
    String message = "USPS " + api + " HTTP " + status + ": " + describe(response);
    if (status == 429 || status == 408 || status >= 500) {
      return new TransientUspsFailure(message, retryAfter(response.retryAfterHeader()), null);
    }
    if (status == 401 || status == 403) {
      return new CarrierUnavailableException(USPS, message, null, null, null);
    }
    return new CarrierRejectedException(USPS, describe(response), null);
  }

  /** USPS's own words for the failure, scrubbed of credentials. */
  String describe(UspsResponse response) {
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
      if (!detail.isBlank()) {
        details.add(code.isBlank() ? detail : detail + " (" + code + ")");
      }
    }
    if (!details.isEmpty()) {
      return String.join("; ", details);
    }
    String message = error.path("message").asText(root.path("fault").path("faultstring").asText(""));
    return message.isBlank() ? "no details" : message;
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}

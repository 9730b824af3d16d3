package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks through v3r2 ({@code POST /tracking/v3r2/tracking}, up to 35 numbers, 200 or 207 answers).
 * When the gateway does not offer v3r2 to this app (404 on the path, or an OASValidation 400 on the
 * request shape), it falls back to the legacy {@code GET /tracking/v3/tracking/{n}?expand=DETAIL}
 * one number at a time, and tries v3r2 again after {@code trackingV3r2Reprobe}.
 */
final class UspsTracking {
  static final int MAX_BATCH = 35;
  private static final int MAX_USPS_LENGTH = 34;
  private static final Logger LOG = LoggerFactory.getLogger(UspsTracking.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final UspsConfig config;
  private final UspsAuthorizedCalls calls;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final TrackingDetails details;
  private final UspsPolicy policy;
  private final AtomicBoolean fallbackLogged = new AtomicBoolean();
  private volatile Instant legacyUntil = Instant.MIN;

  UspsTracking(UspsConfig config, UspsAuthorizedCalls calls, UspsErrors errors, ObjectMapper json) {
    this.config = config;
    this.calls = calls;
    this.errors = errors;
    this.json = json;
    this.details = new TrackingDetails(new UspsEventCodes(), new UspsScanTimes(config.localTimeZone()));
    this.policy = new UspsPolicy("tracking", config.resilience(), config.rateLimits().trackingCalls(), config.rateLimits());
  }

  List<TrackingReport> track(List<TrackingNumber> numbers) {
    Map<TrackingNumber, TrackingReport> reports = new HashMap<>();
    List<TrackingNumber> askable = new ArrayList<>();
    for (TrackingNumber number : numbers) {
      if (number.value().length() > MAX_USPS_LENGTH) {
        reports.put(number, TrackingReport.notFound(number, "not a USPS tracking number (longer than 34)"));
      } else if (!askable.contains(number)) {
        askable.add(number);
      }
    }
    for (int from = 0; from < askable.size(); from += MAX_BATCH) {
      List<TrackingNumber> chunk = askable.subList(from, Math.min(from + MAX_BATCH, askable.size()));
      trackChunk(chunk).forEach(report -> reports.put(report.trackingNumber(), report));
    }
    return numbers.stream().map(reports::get).toList();
  }

  private List<TrackingReport> trackChunk(List<TrackingNumber> chunk) {
    if (config.clock().instant().isAfter(legacyUntil)) {
      List<TrackingReport> reports = policy.call(() -> v3r2(chunk));
      if (reports != null) {
        return reports;
      }
      legacyUntil = config.clock().instant().plus(config.trackingV3r2Reprobe());
    }
    return chunk.stream().map(number -> policy.call(() -> legacy(number))).toList();
  }

  /** The reports, or null when the v3r2 endpoint is not available to this app. */
  private List<TrackingReport> v3r2(List<TrackingNumber> chunk) {
    ArrayNode body = json.createArrayNode();
    chunk.forEach(number -> body.addObject().put("trackingNumber", number.value()));
    UspsResponse response = calls.send("tracking", token -> UspsAuthorizedCalls.bearer(new Request.Builder(), token)
        .url(config.baseUrl() + "/tracking/v3r2/tracking")
        .post(RequestBody.create(body.toString(), JSON))
        .build());
    if (response.status() == 404 || (response.status() == 400
        && response.text().toLowerCase(Locale.ROOT).contains("oasvalidation"))) {
      if (fallbackLogged.compareAndSet(false, true)) {
        LOG.warn("USPS tracking v3r2 unavailable to this app (HTTP {}); falling back to v3 GET per number",
            response.status());
      }
      return null;
    }
    if (!response.isSuccessful()) {
      throw errors.failure("tracking", response);
    }
    JsonNode items = readJson(response);
    if (!items.isArray() && !items.isObject()) {
      throw new TransientUspsFailure("USPS tracking returned no tracking details", null, null);
    }
    Map<String, JsonNode> byNumber = new HashMap<>();
    for (JsonNode item : items.isArray() ? items : json.createArrayNode().add(items)) {
      byNumber.put(TrackingDetails.text(item, "trackingNumber") == null ? ""
          : TrackingDetails.text(item, "trackingNumber").toUpperCase(Locale.ROOT), item);
    }
    return chunk.stream().map(number -> fromItem(number, byNumber.get(number.value()))).toList();
  }

  private TrackingReport fromItem(TrackingNumber number, JsonNode item) {
    if (item == null) {
      return TrackingReport.notFound(number, "USPS returned no result for this number");
    }
    String status = TrackingDetails.text(item, "statusCode");
    if (status != null && !status.equals("200")) {
      return TrackingReport.notFound(number, errors.describe(item));
    }
    return details.report(number, item);
  }

  private TrackingReport legacy(TrackingNumber number) {
    UspsResponse response = calls.send("tracking", token -> UspsAuthorizedCalls.bearer(new Request.Builder(), token)
        .url(config.baseUrl() + "/tracking/v3/tracking/" + number.value() + "?expand=DETAIL")
        .get()
        .build());
    if (response.status() == 404 || response.status() == 400) {
      return TrackingReport.notFound(number, errors.describe(response));
    }
    if (!response.isSuccessful()) {
      throw errors.failure("tracking", response);
    }
    return details.report(number, readJson(response));
  }

  private JsonNode readJson(UspsResponse response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new TransientUspsFailure("USPS tracking returned an unreadable body", null, null);
    }
  }

  OptionalInt remainingQuota() {
    return policy.remainingCalls();
  }
}

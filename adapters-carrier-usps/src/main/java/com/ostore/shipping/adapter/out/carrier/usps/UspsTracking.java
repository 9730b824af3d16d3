package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks through v3r2 ({@code POST /tracking/v3r2/tracking}, up to 35 numbers, 200 or 207 answers; a
 * 404 in USPS's error envelope means none of the numbers is known). When the API gateway does not
 * offer v3r2 to this app (its own 404 on the path, or an OASValidation 400 on the request shape), it
 * falls back to the legacy {@code GET /tracking/v3/tracking/{n}?expand=DETAIL} one number at a time,
 * and tries v3r2 again after {@code trackingV3r2Reprobe}.
 */
final class UspsTracking {
  static final int MAX_BATCH = 35;
  private static final int MAX_USPS_LENGTH = 34;
  private static final Logger LOG = LoggerFactory.getLogger(UspsTracking.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final UspsConfig config;
  private final UspsApi tracking;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final UspsTrackResponseMapper details;
  private final AtomicBoolean fallbackLogged = new AtomicBoolean();
  private volatile Instant legacyUntil = Instant.MIN;

  UspsTracking(UspsConfig config, UspsApi tracking, UspsErrors errors, ObjectMapper json) {
    this.config = config;
    this.tracking = tracking;
    this.errors = errors;
    this.json = json;
    this.details = new UspsTrackResponseMapper(new UspsEventCodes(), new UspsScanTimes(config.localTimeZone()));
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
      List<TrackingReport> reports = v3r2(chunk);
      if (reports != null) {
        return reports;
      }
      legacyUntil = config.clock().instant().plus(config.trackingV3r2Reprobe());
    }
    return chunk.stream().map(this::legacy).toList();
  }

  /** The reports, or null when the v3r2 endpoint is not available to this app. */
  private List<TrackingReport> v3r2(List<TrackingNumber> chunk) {
    String body = UspsTrackRequestMapper.byNumbers(json, chunk).toString();
    HttpResult response = tracking.exchange((baseUrl, request) -> request
        .url(baseUrl + "/tracking/v3r2/tracking")
        .post(RequestBody.create(body, JSON)));
    if (response.code() == 404 && errors.isEnvelope(response)) {
      // USPS's own answer: none of these numbers is known (yet). Not a reason to leave v3r2.
      String reason = errors.describe(response);
      return chunk.stream().map(number -> TrackingReport.notFound(number, reason)).toList();
    }
    if (response.code() == 404 || (response.code() == 400
        && response.text().toLowerCase(Locale.ROOT).contains("oasvalidation"))) {
      if (fallbackLogged.compareAndSet(false, true)) {
        LOG.warn("USPS tracking v3r2 unavailable to this app (HTTP {}); falling back to v3 GET per number",
            response.code());
      }
      return null;
    }
    if (!response.isSuccess()) {
      throw tracking.failure(response);
    }
    JsonNode items = readJson(response);
    if (!items.isArray() && !items.isObject()) {
      throw unreadable(null);
    }
    Map<String, JsonNode> byNumber = new HashMap<>();
    for (JsonNode item : items.isArray() ? items : json.createArrayNode().add(items)) {
      byNumber.put(UspsTrackResponseMapper.text(item, "trackingNumber") == null ? ""
          : UspsTrackResponseMapper.text(item, "trackingNumber").toUpperCase(Locale.ROOT), item);
    }
    return chunk.stream().map(number -> fromItem(number, byNumber.get(number.value()))).toList();
  }

  private TrackingReport fromItem(TrackingNumber number, JsonNode item) {
    if (item == null) {
      return TrackingReport.notFound(number, "USPS returned no result for this number");
    }
    String status = UspsTrackResponseMapper.text(item, "statusCode");
    if (status != null && !status.equals("200")) {
      return TrackingReport.notFound(number, errors.describe(item));
    }
    return details.report(number, item);
  }

  private TrackingReport legacy(TrackingNumber number) {
    HttpResult response = tracking.exchange((baseUrl, request) -> request
        .url(baseUrl + "/tracking/v3/tracking/" + number.value() + "?expand=DETAIL")
        .get());
    if (response.code() == 404 || response.code() == 400) {
      return TrackingReport.notFound(number, errors.describe(response));
    }
    if (!response.isSuccess()) {
      throw tracking.failure(response);
    }
    return details.report(number, readJson(response));
  }

  private JsonNode readJson(HttpResult response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw unreadable(e);
    }
  }

  private static CarrierUnavailableException unreadable(Throwable cause) {
    return new CarrierUnavailableException(CarrierCode.USPS, "USPS tracking returned an unreadable body", null, null,
        cause);
  }
}

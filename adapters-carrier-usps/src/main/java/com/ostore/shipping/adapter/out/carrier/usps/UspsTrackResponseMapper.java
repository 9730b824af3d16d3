package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps one USPS tracking detail (v3 GET or a v3r2 array item) to a {@link TrackingReport}. */
final class UspsTrackResponseMapper {
  private static final Logger LOG = LoggerFactory.getLogger(UspsTrackResponseMapper.class);
  private final UspsEventCodes codes;
  private final UspsScanTimes times;

  UspsTrackResponseMapper(UspsEventCodes codes, UspsScanTimes times) {
    this.codes = codes;
    this.times = times;
  }

  TrackingReport report(TrackingNumber number, JsonNode detail) {
    List<CarrierScan> scans = new ArrayList<>();
    for (JsonNode event : detail.path("trackingEvents")) {
      try {
        scans.add(scan(event));
      } catch (RuntimeException unreadable) {
        // One garbled scan must not hide the others; the next tracking run sees it again.
        LOG.warn("USPS scan for {} skipped: {}", number, unreadable.getMessage());
      }
    }
    return TrackingReport.found(number, scans);
  }

  private CarrierScan scan(JsonNode event) {
    String description = HtmlText.plain(text(event, "eventType"));
    String code = text(event, "eventCode");
    TrackingEventType type = codes.typeOf(code, description);
    String state = text(event, "eventState");
    UspsScanTimes.ScanTime time = times.parse(
        text(event, "GMTTimestamp"), text(event, "GMTOffset"), text(event, "eventTimestamp"), state);
    Map<String, String> details = new LinkedHashMap<>();
    for (String field : new String[] {"eventCity", "eventState", "eventCountry", "firm", "recipientName", "name",
        "actionCode", "reasonCode", "eventTimestamp", "GMTOffset"}) {
      String value = text(event, field);
      if (value != null) {
        details.put(field, value);
      }
    }
    String zip = zip(event);
    if (zip != null) {
      details.put("eventZIPCode", zip);
    }
    if (time.offsetInferred()) {
      details.put("offsetInferred", "true");
    }
    return new CarrierScan(type, time.at(), location(event, state, zip), code, description, details);
  }

  private static String location(JsonNode event, String state, String zip) {
    String city = text(event, "eventCity");
    String country = text(event, "eventCountry");
    String region = String.join(" ", state == null ? "" : state, zip == null ? "" : zip).strip();
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {city, region.isEmpty() ? null : region, country}) {
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private static String zip(JsonNode event) {
    String v3r2 = text(event, "eventZIPCode");
    return v3r2 != null ? v3r2 : text(event, "eventZIP");
  }

  /** A field's text, or null when missing, JSON null or blank (USPS sends all three). */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.port.out.CarrierScan;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One FedEx {@code trackResult}'s {@code scanEvents} to {@link CarrierScan}s, keeping FedEx's codes and words. */
final class FedexScanMapper {
  private FedexScanMapper() {}

  static List<CarrierScan> scans(JsonNode trackResult) {
    List<JsonNode> events = new ArrayList<>();
    trackResult.path("scanEvents").forEach(events::add);
    String uniqueId = FedexErrors.text(trackResult.path("trackingNumberInfo"), "trackingNumberUniqueId");
    List<CarrierScan> scans = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String date = event.path("date").asText(null);
      Optional<OffsetDateTime> stated = FedexDates.withOffset(date);
      Map<String, String> details = details(event, uniqueId);
      OffsetDateTime occurredAt = stated.orElse(null);
      TimeStated timeStated = TimeStated.INSTANT;
      if (occurredAt == null) {
        // The neighbour's offset orders and shows the scan; only its local time identifies it (a newer
        // scan on the next run can lend it another offset).
        occurredAt = FedexDates.assumingOffset(date, neighbourOffset(events, i)).orElse(null);
        details.put("offsetAssumed", "true");
        timeStated = TimeStated.LOCAL_TIME;
      }
      if (occurredAt == null) {
        continue; // a scan without any readable time cannot be ordered; FedEx repeats it in later scans
      }
      String code = event.path("eventType").asText("");
      String description = event.path("eventDescription").asText(null);
      if (FedexEventCodes.isDelay(code)) {
        details.put("delay", "true");
      }
      scans.add(new CarrierScan(FedexEventCodes.typeOf(code, description), occurredAt,
          location(event.path("scanLocation")), code, description, details, timeStated));
    }
    return scans;
  }

  /** The offset of the nearest scan that states one (FedEx lists scans newest first, same local clock). */
  private static ZoneOffset neighbourOffset(List<JsonNode> events, int index) {
    for (int distance = 1; distance < events.size(); distance++) {
      for (int candidate : new int[] {index + distance, index - distance}) {
        if (candidate >= 0 && candidate < events.size()) {
          Optional<OffsetDateTime> dated = FedexDates.withOffset(events.get(candidate).path("date").asText(null));
          if (dated.isPresent()) {
            return dated.get().getOffset();
          }
        }
      }
    }
    return ZoneOffset.UTC;
  }

  static String location(JsonNode address) {
    String text = Stream.of("city", "stateOrProvinceCode", "countryCode")
        .map(field -> address.path(field).asText("").strip())
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining(", "));
    return text.isEmpty() ? null : text;
  }

  private static Map<String, String> details(JsonNode event, String uniqueId) {
    Map<String, String> details = new LinkedHashMap<>();
    for (String field : new String[] {"derivedStatusCode", "derivedStatus", "exceptionCode", "exceptionDescription",
        "locationType", "locationId"}) {
      String value = FedexErrors.text(event, field);
      if (value != null) {
        details.put(field, value);
      }
    }
    String postalCode = FedexErrors.text(event.path("scanLocation"), "postalCode");
    if (postalCode != null) {
      details.put("postalCode", postalCode);
    }
    if (uniqueId != null) {
      details.put("trackingNumberUniqueId", uniqueId);
    }
    return details;
  }
}

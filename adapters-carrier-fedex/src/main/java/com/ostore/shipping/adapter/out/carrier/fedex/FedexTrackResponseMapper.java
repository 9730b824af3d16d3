package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Track API answer ({@code output.completeTrackResults}) to one report per requested number, in the
 * order asked. A number FedEx reuses comes back with several {@code trackResults}: the one with the
 * newest scan is ours (karrio does the same). A result that only carries an {@code error} is "not found".
 */
final class FedexTrackResponseMapper {
  private FedexTrackResponseMapper() {}

  static List<TrackingReport> reports(JsonNode response, List<TrackingNumber> requested) {
    Map<String, JsonNode> byNumber = new HashMap<>();
    for (JsonNode complete : response.path("output").path("completeTrackResults")) {
      byNumber.putIfAbsent(complete.path("trackingNumber").asText("").toUpperCase(Locale.ROOT), complete);
    }
    List<TrackingReport> reports = new ArrayList<>();
    for (TrackingNumber number : requested) {
      JsonNode complete = byNumber.get(number.value());
      reports.add(complete == null
          ? TrackingReport.notFound(number, "FedEx returned no result for this tracking number")
          : report(number, complete.path("trackResults")));
    }
    return reports;
  }

  private static TrackingReport report(TrackingNumber number, JsonNode trackResults) {
    List<CarrierScan> best = null;
    String error = null;
    for (JsonNode result : trackResults) {
      boolean hasData = result.path("scanEvents").size() > 0 || result.hasNonNull("latestStatusDetail");
      if (!hasData) {
        error = error != null ? error : errorText(result.path("error"));
        continue;
      }
      List<CarrierScan> scans = FedexScanMapper.scans(result);
      if (best == null || newest(scans).isAfter(newest(best))) {
        best = scans;
      }
    }
    if (best == null) {
      return TrackingReport.notFound(number, error != null ? error : "FedEx has no tracking data for this number");
    }
    return TrackingReport.found(number, best);
  }

  private static OffsetDateTime newest(List<CarrierScan> scans) {
    return scans.stream().map(CarrierScan::occurredAt).max(Comparator.naturalOrder()).orElse(OffsetDateTime.MIN);
  }

  private static String errorText(JsonNode error) {
    if (error.isMissingNode() || error.isNull()) {
      return null;
    }
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    return (code + " " + message).strip();
  }
}

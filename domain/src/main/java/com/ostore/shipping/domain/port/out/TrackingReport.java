package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.List;
import java.util.Objects;

/**
 * What a carrier knows of one tracking number: its scans (any order; the service sorts them), or,
 * when {@code found} is false, the carrier's reason in {@code message}.
 */
public record TrackingReport(TrackingNumber trackingNumber, boolean found, List<CarrierScan> scans, String message) {
  public TrackingReport {
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    scans = List.copyOf(scans);
  }

  public static TrackingReport found(TrackingNumber number, List<CarrierScan> scans) {
    return new TrackingReport(number, true, scans, null);
  }

  public static TrackingReport notFound(TrackingNumber number, String message) {
    return new TrackingReport(number, false, List.of(), message);
  }
}

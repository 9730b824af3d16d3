package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * A bought label as the carrier knows it: its tracking number and, when known, the master tracking
 * number of the shipment it was sold in (FedEx sells a multi-package shipment under one master).
 */
public record LabelReference(TrackingNumber trackingNumber, TrackingNumber masterTrackingNumber) {
  public LabelReference {
    Objects.requireNonNull(trackingNumber, "trackingNumber");
  }

  /** A label whose master is not known (not stored). */
  public static LabelReference of(TrackingNumber trackingNumber) {
    return new LabelReference(trackingNumber, null);
  }

  public Optional<TrackingNumber> master() {
    return Optional.ofNullable(masterTrackingNumber);
  }
}

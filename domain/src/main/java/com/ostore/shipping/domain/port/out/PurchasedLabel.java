package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.Objects;

/** The label and tracking number the carrier assigned to one package. */
public record PurchasedLabel(ParcelId parcelId, TrackingNumber trackingNumber, Label label) {
  public PurchasedLabel {
    Objects.requireNonNull(parcelId, "parcelId");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(label, "label");
  }
}

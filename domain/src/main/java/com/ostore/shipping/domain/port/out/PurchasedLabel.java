package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * The label and tracking number the carrier assigned to one package; {@code masterTrackingNumber} is
 * the shipment it was sold in (FedEx's master for multi-package shipments; the label's own number where
 * every label is its own shipment), needed to void it once. {@code purchaseKey} is the key and mailing
 * date the label was bought with, when the carrier uses one: the caller stores it in place of the one it
 * sent, which the adapter replaces once its mailing date has passed.
 */
public record PurchasedLabel(
    ParcelId parcelId, TrackingNumber trackingNumber, Label label, TrackingNumber masterTrackingNumber,
    PurchaseKey purchaseKey) {

  public PurchasedLabel {
    Objects.requireNonNull(parcelId, "parcelId");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(label, "label");
    masterTrackingNumber = masterTrackingNumber == null ? trackingNumber : masterTrackingNumber;
  }

  public PurchasedLabel(ParcelId parcelId, TrackingNumber trackingNumber, Label label) {
    this(parcelId, trackingNumber, label, null, null);
  }

  public Optional<PurchaseKey> purchaseKeyIfAny() {
    return Optional.ofNullable(purchaseKey);
  }

  /** How to name this label when voiding it later. */
  public LabelReference reference() {
    return new LabelReference(trackingNumber, masterTrackingNumber);
  }
}

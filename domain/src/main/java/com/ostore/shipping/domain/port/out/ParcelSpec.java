package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Weight;
import java.util.Objects;
import java.util.Optional;

/**
 * One package to label: its id (the carrier's package reference), weight, dimensions when known, and
 * the stored {@link PurchaseKey} of its purchase when one was started before (null for a first attempt,
 * or with carriers that have no idempotency key).
 */
public record ParcelSpec(ParcelId parcelId, Weight weight, Dimensions dimensions, PurchaseKey purchaseKey) {
  public ParcelSpec {
    Objects.requireNonNull(parcelId, "parcelId");
    Objects.requireNonNull(weight, "weight");
  }

  public ParcelSpec(ParcelId parcelId, Weight weight, Dimensions dimensions) {
    this(parcelId, weight, dimensions, null);
  }

  public Optional<PurchaseKey> purchaseKeyIfStored() {
    return Optional.ofNullable(purchaseKey);
  }
}

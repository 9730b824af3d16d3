package com.ostore.shipping.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One package of a shipment (the seed's "Package"; named Parcel so it never shadows
 * {@code java.lang.Package}). The tracking number and service exist once a label is bought.
 */
public record Parcel(
    ParcelId id,
    ShipmentId shipmentId,
    Weight weight,
    Dimensions dimensions,
    ShipmentStatus status,
    TrackingNumber trackingNumber,
    String serviceType,
    Instant createdAt,
    Instant updatedAt) {

  public Parcel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shipmentId, "shipmentId");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A package waiting for its label. */
  public static Parcel pending(ParcelId id, ShipmentId shipmentId, Weight weight, Dimensions dimensions, Instant now) {
    return new Parcel(id, shipmentId, weight, dimensions, ShipmentStatus.PENDING, null, null, now, now);
  }

  public Optional<Dimensions> dimensionsIfKnown() {
    return Optional.ofNullable(dimensions);
  }

  public Optional<TrackingNumber> trackingNumberIfAssigned() {
    return Optional.ofNullable(trackingNumber);
  }

  Parcel labelled(TrackingNumber number, String service, Instant now) {
    return new Parcel(id, shipmentId, weight, dimensions, status.moveTo(ShipmentStatus.LABEL_CREATED),
        Objects.requireNonNull(number, "trackingNumber"), service, createdAt, now);
  }

  Parcel withStatus(ShipmentStatus next, Instant now) {
    if (next == status) {
      return this;
    }
    return new Parcel(id, shipmentId, weight, dimensions, status.moveTo(next), trackingNumber, serviceType, createdAt, now);
  }
}

package com.ostore.shipping.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shipment of (part of) an order: where it goes, which carrier carries it, its packages and
 * where it stands. {@code recipient} is who the labels name, or null when the caller gave none (the
 * carrier adapters then print their configured fallback). Immutable; every change returns the next version.
 */
public record Shipment(
    ShipmentId id,
    OrderId orderId,
    ShippingAddress address,
    Recipient recipient,
    ShipmentStatus status,
    CarrierCode carrier,
    String serviceType,
    List<Parcel> parcels,
    String failureReason,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Shipment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    parcels = List.copyOf(parcels);
    if (parcels.isEmpty()) {
      throw new ValidationException("a shipment needs at least one package");
    }
    for (Parcel parcel : parcels) {
      if (!parcel.shipmentId().equals(id)) {
        throw new IllegalArgumentException("package " + parcel.id() + " belongs to another shipment");
      }
    }
  }

  /** A new shipment without a named recipient, waiting for its labels. */
  public static Shipment create(
      ShipmentId id, OrderId orderId, ShippingAddress address, CarrierCode carrier, String serviceType,
      List<Parcel> parcels, Instant now) {
    return create(id, orderId, address, null, carrier, serviceType, parcels, now);
  }

  /** A new shipment, waiting for its labels. */
  public static Shipment create(
      ShipmentId id, OrderId orderId, ShippingAddress address, Recipient recipient, CarrierCode carrier,
      String serviceType, List<Parcel> parcels, Instant now) {
    for (Parcel parcel : parcels) {
      if (parcel.status() != ShipmentStatus.PENDING) {
        throw new IllegalArgumentException("a new shipment's packages are pending");
      }
    }
    return new Shipment(
        id, orderId, address, recipient, ShipmentStatus.PENDING, carrier, serviceType, parcels, null, now, now, 0);
  }

  /** For adapters only: rebuilds a stored shipment exactly as it was saved, without creation rules. */
  public static Shipment restore(
      ShipmentId id, OrderId orderId, ShippingAddress address, Recipient recipient, ShipmentStatus status,
      CarrierCode carrier, String serviceType, List<Parcel> parcels, String failureReason, Instant createdAt,
      Instant updatedAt, long version) {
    return new Shipment(
        id, orderId, address, recipient, status, carrier, serviceType, parcels, failureReason, createdAt,
        updatedAt, version);
  }

  public Optional<Recipient> recipientIfNamed() {
    return Optional.ofNullable(recipient);
  }

  public Optional<String> failureReasonIfFailed() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<Parcel> parcel(ParcelId parcelId) {
    return parcels.stream().filter(p -> p.id().equals(parcelId)).findFirst();
  }

  /** Every package got its label and tracking number from the carrier. */
  public Shipment labelsBought(String service, Map<ParcelId, TrackingNumber> trackingNumbers, Instant now) {
    List<Parcel> labelled = new ArrayList<>();
    for (Parcel parcel : parcels) {
      TrackingNumber number = trackingNumbers.get(parcel.id());
      if (number == null) {
        throw new IllegalArgumentException("no tracking number for package " + parcel.id());
      }
      labelled.add(parcel.labelled(number, service, now));
    }
    return new Shipment(
        id, orderId, address, recipient, status.moveTo(ShipmentStatus.LABEL_CREATED), carrier, service, labelled,
        null, createdAt, now, version);
  }

  /** The carrier refused the shipment for a reason no retry can fix. */
  public Shipment failed(String reason, Instant now) {
    List<Parcel> failedParcels = parcels.stream().map(p -> p.withStatus(ShipmentStatus.FAILED, now)).toList();
    return new Shipment(
        id, orderId, address, recipient, status.moveTo(ShipmentStatus.FAILED), carrier, serviceType,
        failedParcels, Objects.requireNonNull(reason, "reason"), createdAt, now, version);
  }

  /** The shipment was called off before it left. */
  public Shipment cancelled(Instant now) {
    List<Parcel> cancelledParcels = parcels.stream().map(p -> p.withStatus(ShipmentStatus.CANCELLED, now)).toList();
    return new Shipment(
        id, orderId, address, recipient, status.moveTo(ShipmentStatus.CANCELLED), carrier, serviceType,
        cancelledParcels, failureReason, createdAt, now, version);
  }

  /**
   * One package moved; the shipment's status is derived again from all its packages. A move the
   * lifecycle forbids (a late in-transit scan after delivery) leaves the package as it was.
   */
  public Shipment parcelMoved(ParcelId parcelId, ShipmentStatus next, Instant now) {
    List<Parcel> moved = new ArrayList<>();
    boolean changed = false;
    for (Parcel parcel : parcels) {
      if (parcel.id().equals(parcelId) && parcel.status() != next && parcel.status().canBecome(next)) {
        moved.add(parcel.withStatus(next, now));
        changed = true;
      } else {
        moved.add(parcel);
      }
    }
    if (!changed) {
      return this;
    }
    ShipmentStatus derived = ShipmentStatus.derivedFrom(moved.stream().map(Parcel::status).toList());
    ShipmentStatus shipmentStatus = status.canBecome(derived) ? derived : status;
    return new Shipment(
        id, orderId, address, recipient, shipmentStatus, carrier, serviceType, moved, failureReason, createdAt,
        now, version);
  }

  /** Every package has reached a final status, so there is nothing left to track. */
  public boolean isSettled() {
    return parcels.stream().allMatch(p -> p.status().isFinal());
  }

  /** The version after a successful save; adapters call this to continue from what they stored. */
  public Shipment withVersion(long newVersion) {
    return new Shipment(
        id, orderId, address, recipient, status, carrier, serviceType, parcels, failureReason, createdAt,
        updatedAt, newVersion);
  }
}

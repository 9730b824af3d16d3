package com.ostore.shipping.domain.model;

/** Identifies a shipment; the seed's {@code shipmentID}. */
public record ShipmentId(long value) {
  public ShipmentId {
    if (value < 1) {
      throw new ValidationException("shipmentID must be a positive integer");
    }
  }

  public static ShipmentId of(long value) {
    return new ShipmentId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

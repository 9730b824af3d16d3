package com.ostore.shipping.domain.model;

/** Identifies one package of a shipment; the seed's {@code packageID}. */
public record ParcelId(long value) {
  public ParcelId {
    if (value < 1) {
      throw new ValidationException("packageID must be a positive integer");
    }
  }

  public static ParcelId of(long value) {
    return new ParcelId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

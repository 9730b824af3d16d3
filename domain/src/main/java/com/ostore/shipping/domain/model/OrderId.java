package com.ostore.shipping.domain.model;

/** Identifies the order a shipment belongs to; the seed's {@code orderID}. */
public record OrderId(long value) {
  public OrderId {
    if (value < 1) {
      throw new ValidationException("orderID must be a positive integer");
    }
  }

  public static OrderId of(long value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

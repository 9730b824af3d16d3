package com.ostore.shipping.domain.model;

/** A status change the lifecycle does not allow, such as delivered back to in transit. */
public class IllegalStatusTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IllegalStatusTransitionException(ShipmentStatus from, ShipmentStatus to) {
    super("a shipment cannot go from " + from.wireName() + " to " + to.wireName());
  }
}

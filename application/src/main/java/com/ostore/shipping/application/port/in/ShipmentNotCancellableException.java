package com.ostore.shipping.application.port.in;

/** The shipment has gone too far to be cancelled (picked up, delivered, failed). */
public class ShipmentNotCancellableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShipmentNotCancellableException(String message) {
    super(message);
  }
}

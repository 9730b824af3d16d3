package com.ostore.shipping.application.port.in;

/** The shipment (or package) asked for does not exist. */
public class ShipmentNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShipmentNotFoundException(String message) {
    super(message);
  }
}

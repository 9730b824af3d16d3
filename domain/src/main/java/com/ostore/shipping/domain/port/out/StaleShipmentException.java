package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ShipmentId;

/** Another writer changed the shipment after it was read; read it again and redo the change. */
public class StaleShipmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StaleShipmentException(ShipmentId id, long expectedVersion) {
    super("shipment " + id + " changed since version " + expectedVersion);
  }
}

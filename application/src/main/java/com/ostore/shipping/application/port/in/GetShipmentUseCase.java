package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;

/** Reads one shipment with its packages. */
public interface GetShipmentUseCase {
  /** @throws ShipmentNotFoundException when there is no such shipment */
  Shipment getShipment(ShipmentId id);
}

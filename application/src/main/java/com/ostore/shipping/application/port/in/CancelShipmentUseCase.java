package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;

/** Calls off a shipment that has not left yet, voiding any labels already bought. */
public interface CancelShipmentUseCase {
  /**
   * Cancels the shipment (cancelling twice is harmless) and returns it.
   *
   * @throws ShipmentNotFoundException when there is no such shipment
   * @throws ShipmentNotCancellableException when it is already on its way or settled
   */
  Shipment cancelShipment(ShipmentId id);
}

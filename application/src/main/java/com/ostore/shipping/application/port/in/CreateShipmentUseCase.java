package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Shipment;

/** Creates a shipment for an order; its labels are bought in the background. */
public interface CreateShipmentUseCase {
  /** Stores the shipment as pending together with the work that buys its labels, and returns it. */
  Shipment createShipment(CreateShipmentCommand command);
}

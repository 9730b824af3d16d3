package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.ShipmentId;
import java.util.Objects;

/**
 * The answer to an idempotent create: the shipment and the response first given for it. {@code replayed}
 * says the shipment was created by an earlier request with the same key, and nothing new was made.
 */
public record CreatedShipment(ShipmentId shipmentId, String response, boolean replayed) {
  public CreatedShipment {
    Objects.requireNonNull(shipmentId, "shipmentId");
    Objects.requireNonNull(response, "response");
  }
}

package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ShipmentId;
import java.util.Objects;

/**
 * What a request with an idempotency key produced: the fingerprint of that request, the shipment it
 * created and the response it was given (opaque here: the inbound adapter wrote it).
 */
public record IdempotentOutcome(String requestFingerprint, ShipmentId shipmentId, String response) {
  public IdempotentOutcome {
    Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    Objects.requireNonNull(shipmentId, "shipmentId");
    Objects.requireNonNull(response, "response");
  }
}

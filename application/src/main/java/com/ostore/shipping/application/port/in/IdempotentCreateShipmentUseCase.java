package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Shipment;
import java.util.function.Function;

/** Creates a shipment at most once per caller and idempotency key, however often the request is retried. */
public interface IdempotentCreateShipmentUseCase {
  /**
   * Creates the shipment as {@link CreateShipmentUseCase} does and stores {@code response} of it (rendered
   * inside the same transaction) under the caller's key; a request with a key already used returns the
   * stored response instead. Two concurrent requests with one key create one shipment and get one answer.
   *
   * @throws IdempotencyKeyReusedException when the key was used before for a different request
   */
  CreatedShipment createShipment(
      CreateShipmentCommand command, IdempotentRequest request, Function<Shipment, String> response);
}

package com.ostore.shipping.domain.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per caller, which shipment an idempotency key created and the answer the caller was given,
 * so a retried request gets that answer again instead of a second shipment. A key is claimed, with its
 * outcome, in the write that creates the shipment ({@link ShipmentRepository#addWithLabelTask(
 * com.ostore.shipping.domain.model.Shipment, Instant, IdempotencyClaim)}); here it is read back and forgotten.
 */
public interface IdempotencyKeys {

  /** The committed outcome of the caller's key, if any. */
  Optional<IdempotentOutcome> find(String callerId, String key);

  /** Forgets keys claimed before {@code cutoff}; returns how many. */
  int purgeClaimedBefore(Instant cutoff);
}

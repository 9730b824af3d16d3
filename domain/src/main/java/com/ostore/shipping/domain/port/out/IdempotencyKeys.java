package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ShipmentId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per caller, which shipment an idempotency key created and the answer the caller was given,
 * so a retried request gets that answer again instead of a second shipment.
 */
public interface IdempotencyKeys {

  /**
   * Claims {@code key} for a new request, inside the transaction that creates the shipment. Returns false
   * when the caller's key is already held by a claim made at or after {@code expiredBefore}; an older claim
   * is taken over. A claim held by a transaction still running makes this wait until that one ends, so
   * two requests with one key never both proceed.
   */
  boolean tryClaim(String callerId, String key, String requestFingerprint, Instant now, Instant expiredBefore);

  /** Stores what the claim made in this transaction produced. */
  void recordOutcome(String callerId, String key, ShipmentId shipmentId, String response);

  /** The committed outcome of the caller's key, if any. */
  Optional<IdempotentOutcome> find(String callerId, String key);

  /** Forgets keys claimed before {@code cutoff}; returns how many. */
  int purgeClaimedBefore(Instant cutoff);
}

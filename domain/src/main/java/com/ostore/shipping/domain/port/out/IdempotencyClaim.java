package com.ostore.shipping.domain.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller's claim on an idempotency key, made in the write that creates the shipment: the request's
 * fingerprint, when it is claimed, the age before which an older claim counts as expired and is taken
 * over, and the answer the caller is given, kept as the key's outcome for its retries.
 */
public record IdempotencyClaim(
    String callerId, String key, String requestFingerprint, Instant claimedAt, Instant expiredBefore,
    String response) {

  public IdempotencyClaim {
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    Objects.requireNonNull(claimedAt, "claimedAt");
    Objects.requireNonNull(expiredBefore, "expiredBefore");
    Objects.requireNonNull(response, "response");
  }
}

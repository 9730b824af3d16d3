package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys in a map; a claim takes effect at once (there is no transaction to wait for). */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
  private final Map<String, Claim> claims = new HashMap<>();

  private record Claim(String fingerprint, Instant claimedAt, ShipmentId shipmentId, String response) {}

  /**
   * Claims the key with its outcome, as the real create statement does, unless a claim made at or after
   * the claim's {@code expiredBefore} holds it; an older claim is taken over.
   */
  public synchronized boolean claim(IdempotencyClaim claim, ShipmentId shipmentId) {
    Claim existing = claims.get(id(claim.callerId(), claim.key()));
    if (existing != null && !existing.claimedAt().isBefore(claim.expiredBefore())) {
      return false;
    }
    claims.put(id(claim.callerId(), claim.key()),
        new Claim(claim.requestFingerprint(), claim.claimedAt(), shipmentId, claim.response()));
    return true;
  }

  @Override
  public synchronized Optional<IdempotentOutcome> find(String callerId, String key) {
    return Optional.ofNullable(claims.get(id(callerId, key))).filter(c -> c.shipmentId() != null)
        .map(c -> new IdempotentOutcome(c.fingerprint(), c.shipmentId(), c.response()));
  }

  @Override
  public synchronized int purgeClaimedBefore(Instant cutoff) {
    int before = claims.size();
    claims.values().removeIf(claim -> claim.claimedAt().isBefore(cutoff));
    return before - claims.size();
  }

  public synchronized int size() {
    return claims.size();
  }

  private static String id(String callerId, String key) {
    return callerId + '\n' + key;
  }
}

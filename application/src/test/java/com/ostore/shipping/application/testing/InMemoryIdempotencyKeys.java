package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys in a map; claims take effect at once (there is no transaction to wait for). */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
  private final Map<String, Claim> claims = new HashMap<>();

  private record Claim(String fingerprint, Instant claimedAt, ShipmentId shipmentId, String response) {}

  @Override
  public synchronized boolean tryClaim(
      String callerId, String key, String requestFingerprint, Instant now, Instant expiredBefore) {
    Claim existing = claims.get(id(callerId, key));
    if (existing != null && !existing.claimedAt().isBefore(expiredBefore)) {
      return false;
    }
    claims.put(id(callerId, key), new Claim(requestFingerprint, now, null, null));
    return true;
  }

  @Override
  public synchronized void recordOutcome(String callerId, String key, ShipmentId shipmentId, String response) {
    Claim claim = claims.get(id(callerId, key));
    if (claim == null) {
      throw new IllegalStateException("no claim for " + key);
    }
    claims.put(id(callerId, key), new Claim(claim.fingerprint(), claim.claimedAt(), shipmentId, response));
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

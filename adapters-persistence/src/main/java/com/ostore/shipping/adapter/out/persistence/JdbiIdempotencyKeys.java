package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys in PostgreSQL. A claim must be made inside {@code Transactions#inTransaction}: the
 * row it writes is what holds back a concurrent request with the same key until that transaction ends.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
  private final Jdbi jdbi;

  JdbiIdempotencyKeys(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean tryClaim(String callerId, String key, String requestFingerprint, Instant now, Instant expiredBefore) {
    return jdbi.withHandle(handle -> {
      if (!handle.isInTransaction()) {
        throw new IllegalStateException("an idempotency key must be claimed inside a transaction");
      }
      return handle.attach(IdempotencyKeyDao.class).claim(callerId, key, requestFingerprint, now, expiredBefore) == 1;
    });
  }

  @Override
  public void recordOutcome(String callerId, String key, ShipmentId shipmentId, String response) {
    int updated = jdbi.withExtension(IdempotencyKeyDao.class,
        dao -> dao.recordOutcome(callerId, key, shipmentId.value(), response));
    if (updated != 1) {
      throw new IllegalStateException("no claim to record the outcome of");
    }
  }

  @Override
  public Optional<IdempotentOutcome> find(String callerId, String key) {
    return jdbi.withExtension(IdempotencyKeyDao.class, dao -> dao.find(callerId, key))
        .map(row -> new IdempotentOutcome(row.requestFingerprint(), ShipmentId.of(row.shipmentId()), row.response()));
  }

  @Override
  public int purgeClaimedBefore(Instant cutoff) {
    return jdbi.withExtension(IdempotencyKeyDao.class, dao -> dao.purgeClaimedBefore(cutoff));
  }
}

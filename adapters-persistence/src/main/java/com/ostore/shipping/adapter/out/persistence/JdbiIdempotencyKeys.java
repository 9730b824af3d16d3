package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys in PostgreSQL, as the create statement claims them ({@code ShipmentStatements}): read
 * back for a retry, and forgotten once old.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
  private final Jdbi jdbi;

  JdbiIdempotencyKeys(Jdbi jdbi) {
    this.jdbi = jdbi;
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

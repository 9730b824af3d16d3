package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.OutboxDao.OutboxRow;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table. The relay lock is a transaction-scoped advisory lock, so {@link #tryLockForRelay()}
 * must be called inside {@code Transactions#inTransaction}; it is released when that transaction ends.
 */
final class JdbiOutboxRepository implements OutboxRepository {
  private final Jdbi jdbi;
  private final long relayLockKey;

  /** {@code relayLockKey}: the advisory lock every relay of this installation takes, and no other installation. */
  JdbiOutboxRepository(Jdbi jdbi, long relayLockKey) {
    this.jdbi = jdbi;
    this.relayLockKey = relayLockKey;
  }

  @Override
  public void append(List<ShipmentEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<OutboxRow> rows = events.stream()
        .map(e -> new OutboxRow(e.eventId(), e.key(), e.eventType(), JsonCodec.write(ShipmentEventPayload.from(e))))
        .toList();
    jdbi.useExtension(OutboxDao.class, dao -> dao.append(rows));
  }

  @Override
  public boolean tryLockForRelay() {
    return jdbi.withHandle(handle -> {
      if (!handle.isInTransaction()) {
        throw new IllegalStateException("tryLockForRelay must be called inside a transaction");
      }
      return handle.attach(OutboxDao.class).tryAdvisoryTransactionLock(relayLockKey);
    });
  }

  @Override
  public List<ShipmentEvent> unsent(int limit) {
    if (limit < 1) {
      return List.of();
    }
    return jdbi.withExtension(OutboxDao.class, dao -> dao.unsentPayloads(limit)).stream()
        .map(json -> JsonCodec.read(json, ShipmentEventPayload.class).toEvent())
        .toList();
  }

  @Override
  public void markSent(Collection<UUID> eventIds, Instant sentAt) {
    if (!eventIds.isEmpty()) {
      jdbi.useExtension(OutboxDao.class, dao -> dao.markSent(eventIds, sentAt));
    }
  }

  @Override
  public int pruneSentBefore(Instant cutoff) {
    return jdbi.withExtension(OutboxDao.class, dao -> dao.pruneSentBefore(cutoff));
  }

  @Override
  public long countUnsent() {
    return jdbi.withExtension(OutboxDao.class, OutboxDao::countUnsent);
  }
}

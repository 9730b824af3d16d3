package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.OutboxDao.OutboxRow;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table. The relay lock and the order event locks are transaction-scoped advisory locks, so
 * {@link #tryLockForRelay()} and {@link #lockOrderEvents} must be called inside
 * {@code Transactions#inTransaction}; they are released when that transaction ends. An order's lock is
 * held from before its events draw their sequence numbers until they commit, so per order the sequence
 * order is the commit order.
 */
final class JdbiOutboxRepository implements OutboxRepository {
  /** The advisory lock key every relay of this service takes ("OSTOREOB" in ASCII). */
  static final long RELAY_LOCK_KEY = 0x4F53544F52454F42L;
  /** The first key of the order event locks ("OSOR"); the second is the order id (hashed past 2^31). */
  static final int ORDER_LOCK_SPACE = 0x4F534F52;

  private final Jdbi jdbi;

  JdbiOutboxRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void lockOrderEvents(OrderId orderId) {
    jdbi.useHandle(handle -> {
      if (!handle.isInTransaction()) {
        throw new IllegalStateException("lockOrderEvents must be called inside a transaction");
      }
      lock(handle.attach(OutboxDao.class), orderId);
    });
  }

  @Override
  public void append(List<ShipmentEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<OutboxRow> rows = events.stream()
        .map(e -> new OutboxRow(e.eventId(), e.key(), e.eventType(), JsonCodec.write(ShipmentEventPayload.from(e))))
        .toList();
    jdbi.useHandle(handle -> {
      OutboxDao dao = handle.attach(OutboxDao.class);
      if (handle.isInTransaction()) {
        // Re-entrant, so free for writers that locked first; in a fixed order, so two writers cannot deadlock.
        events.stream().map(ShipmentEvent::orderId).distinct().sorted(Comparator.comparingLong(OrderId::value))
            .forEach(order -> lock(dao, order));
      }
      dao.append(rows);
    });
  }

  private static void lock(OutboxDao dao, OrderId orderId) {
    dao.advisoryTransactionLock(ORDER_LOCK_SPACE, Long.hashCode(orderId.value()));
  }

  @Override
  public boolean tryLockForRelay() {
    return jdbi.withHandle(handle -> {
      if (!handle.isInTransaction()) {
        throw new IllegalStateException("tryLockForRelay must be called inside a transaction");
      }
      return handle.attach(OutboxDao.class).tryAdvisoryTransactionLock(RELAY_LOCK_KEY);
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

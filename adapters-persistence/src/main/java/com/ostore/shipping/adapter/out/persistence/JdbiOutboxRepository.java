package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.OutboxDao.ClaimRow;
import com.ostore.shipping.adapter.out.persistence.OutboxDao.OutboxRow;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table. The order event locks are transaction-scoped advisory locks, so
 * {@link #lockOrderEvents} must be called inside {@code Transactions#inTransaction}; they are released
 * when that transaction ends. An order's lock is held from before its events draw their sequence numbers
 * until they commit, so per order the sequence order is the commit order. The relay lease is a row of
 * its own ({@code outbox_relay_lease}), taken and given up in statements of their own.
 */
final class JdbiOutboxRepository implements OutboxRepository {
  private final Jdbi jdbi;
  private final long relayLockKey;
  private final int orderLockSpace;

  /**
   * {@code relayLockKey}: the advisory lock every relay of this installation takes while it claims a batch (and
   * older releases held while they sent one), and no other installation;
   * {@code orderLockSpace}: the first key of this installation's order event locks (the second is the order id).
   */
  JdbiOutboxRepository(Jdbi jdbi, long relayLockKey, int orderLockSpace) {
    this.jdbi = jdbi;
    this.relayLockKey = relayLockKey;
    this.orderLockSpace = orderLockSpace;
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
  public void lockOrderEvents(Collection<OrderId> orderIds) {
    if (orderIds.isEmpty()) {
      return;
    }
    jdbi.useHandle(handle -> {
      if (!handle.isInTransaction()) {
        throw new IllegalStateException("lockOrderEvents must be called inside a transaction");
      }
      lock(handle.attach(OutboxDao.class), orderIds);
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
        lock(dao, events.stream().map(ShipmentEvent::orderId).toList());
      }
      dao.append(rows);
    });
  }

  private void lock(OutboxDao dao, OrderId orderId) {
    dao.advisoryTransactionLock(orderLockSpace, Long.hashCode(orderId.value()));
  }

  /** Ascending order id, as every writer of several orders' events takes them (see the port). */
  private void lock(OutboxDao dao, Collection<OrderId> orderIds) {
    List<Integer> keys = orderIds.stream().distinct().sorted(Comparator.comparingLong(OrderId::value))
        .map(order -> Long.hashCode(order.value())).toList();
    if (keys.size() == 1) {
      dao.advisoryTransactionLock(orderLockSpace, keys.get(0));
    } else {
      dao.advisoryTransactionLocks(orderLockSpace, keys);
    }
  }

  @Override
  public Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Collection<UUID> atTheBroker, Instant sentAt, int limit,
      Duration lease) {
    if (limit < 1) {
      throw new IllegalArgumentException("a relay batch holds at least one event");
    }
    UUID[] sent = sentBefore.toArray(new UUID[0]);
    UUID[] out = atTheBroker.toArray(new UUID[0]);
    List<ClaimRow> rows = jdbi.withExtension(OutboxDao.class,
        dao -> dao.claimNext(relayId, sent, out, sentAt, lease.toMillis(), relayLockKey, limit));
    ClaimRow outcome = rows.get(0);
    if (!outcome.leased()) {
      return outcome.waiting() ? Optional.empty() : Optional.of(List.of());
    }
    return Optional.of(rows.stream().map(ClaimRow::payload).filter(Objects::nonNull).map(JdbiOutboxRepository::event)
        .toList());
  }

  @Override
  public void releaseRelayLease(String relayId) {
    jdbi.useExtension(OutboxDao.class, dao -> dao.releaseRelayLease(relayId));
  }

  @Override
  public List<ShipmentEvent> unsent(int limit) {
    if (limit < 1) {
      return List.of();
    }
    return jdbi.withExtension(OutboxDao.class, dao -> dao.unsentPayloads(limit)).stream()
        .map(JdbiOutboxRepository::event)
        .toList();
  }

  private static ShipmentEvent event(String json) {
    return JsonCodec.read(json, ShipmentEventPayload.class).toEvent();
  }

  @Override
  public void markSent(Collection<UUID> eventIds, Instant sentAt) {
    if (!eventIds.isEmpty()) {
      UUID[] ids = eventIds.toArray(new UUID[0]);
      jdbi.useExtension(OutboxDao.class, dao -> dao.markSent(ids, sentAt));
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

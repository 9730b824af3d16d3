package com.ostore.shipping.bootstrap;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An outbox that hands every call to another one, for tests that hold, pause or refuse one kind of call and
 * leave the rest to the real outbox. The set-wise lock is handed on too, so a wrapped PostgreSQL outbox still
 * takes one statement's locks rather than the port's one-at-a-time default.
 */
public abstract class ForwardingOutbox implements OutboxRepository {
  protected final OutboxRepository outbox;

  protected ForwardingOutbox(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void lockOrderEvents(OrderId orderId) {
    outbox.lockOrderEvents(orderId);
  }

  @Override
  public void lockOrderEvents(Collection<OrderId> orderIds) {
    outbox.lockOrderEvents(orderIds);
  }

  @Override
  public void append(List<ShipmentEvent> events) {
    outbox.append(events);
  }

  @Override
  public Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Collection<UUID> atTheBroker, Instant sentAt, int limit,
      Duration lease) {
    return outbox.claimNext(relayId, sentBefore, atTheBroker, sentAt, limit, lease);
  }

  @Override
  public void releaseRelayLease(String relayId) {
    outbox.releaseRelayLease(relayId);
  }

  @Override
  public List<ShipmentEvent> unsent(int limit) {
    return outbox.unsent(limit);
  }

  @Override
  public void markSent(Collection<UUID> eventIds, Instant sentAt) {
    outbox.markSent(eventIds, sentAt);
  }

  @Override
  public int pruneSentBefore(Instant cutoff) {
    return outbox.pruneSentBefore(cutoff);
  }

  @Override
  public long countUnsent() {
    return outbox.countUnsent();
  }
}

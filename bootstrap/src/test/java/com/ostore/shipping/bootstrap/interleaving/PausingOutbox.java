package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The real outbox, except that a transaction can be stopped right after it appended a chosen event. */
final class PausingOutbox implements OutboxRepository {
  private final OutboxRepository outbox;
  private final AtomicReference<Pause> pause = new AtomicReference<>();
  private volatile String pausedType;

  PausingOutbox(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  /** The next transaction appending an event of this type stops after the append, before it commits. */
  Pause pauseAfterAppending(String eventType) {
    Pause next = new Pause();
    pausedType = eventType;
    pause.set(next);
    return next;
  }

  @Override
  public void lockOrderEvents(OrderId orderId) {
    outbox.lockOrderEvents(orderId);
  }

  @Override
  public void append(List<ShipmentEvent> events) {
    outbox.append(events);
    if (events.stream().anyMatch(e -> e.eventType().equals(pausedType))) {
      Pause armed = pause.getAndSet(null);
      if (armed != null) {
        armed.here();
      }
    }
  }

  @Override
  public Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Instant sentAt, int limit, Duration lease) {
    return outbox.claimNext(relayId, sentBefore, sentAt, limit, lease);
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

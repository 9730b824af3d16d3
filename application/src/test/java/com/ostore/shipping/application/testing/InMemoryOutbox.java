package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as an append-only list with a relay lease that runs until it is given up (or the test says
 * it ran out); a relay of an older release holding the relay lock can be simulated.
 */
public final class InMemoryOutbox implements OutboxRepository {
  private final List<Entry> entries = new ArrayList<>();
  private boolean lockedElsewhere;
  private String leaseHolder;
  private final List<OrderId> lockedOrders = new ArrayList<>();
  private final List<Claim> claims = new ArrayList<>();

  /** One relay step as asked for: what it marked sent and what was at the broker meanwhile. */
  public record Claim(String relayId, List<UUID> sentBefore, List<UUID> atTheBroker) {}

  private static final class Entry {
    final ShipmentEvent event;
    Instant sentAt;

    Entry(ShipmentEvent event) {
      this.event = event;
    }
  }

  @Override
  public synchronized void lockOrderEvents(OrderId orderId) {
    lockedOrders.add(orderId);
  }

  @Override
  public synchronized void append(List<ShipmentEvent> events) {
    events.forEach(e -> entries.add(new Entry(e)));
  }

  @Override
  public synchronized Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Collection<UUID> atTheBroker, Instant sentAt, int limit,
      Duration lease) {
    markSent(sentBefore, sentAt);
    claims.add(new Claim(relayId, List.copyOf(sentBefore), List.copyOf(atTheBroker)));
    if (countUnsent() == 0) {
      releaseRelayLease(relayId);
      return Optional.of(List.of());
    }
    if (lockedElsewhere || (leaseHolder != null && !leaseHolder.equals(relayId))) {
      return Optional.empty();
    }
    leaseHolder = relayId;
    return Optional.of(entries.stream().filter(e -> e.sentAt == null && !atTheBroker.contains(e.event.eventId()))
        .limit(limit).map(e -> e.event).toList());
  }

  @Override
  public synchronized void releaseRelayLease(String relayId) {
    if (relayId.equals(leaseHolder)) {
      leaseHolder = null;
    }
  }

  @Override
  public synchronized List<ShipmentEvent> unsent(int limit) {
    return entries.stream().filter(e -> e.sentAt == null).limit(limit).map(e -> e.event).toList();
  }

  @Override
  public synchronized void markSent(Collection<UUID> eventIds, Instant sentAt) {
    entries.stream().filter(e -> e.sentAt == null && eventIds.contains(e.event.eventId())).forEach(e -> e.sentAt = sentAt);
  }

  @Override
  public synchronized int pruneSentBefore(Instant cutoff) {
    int before = entries.size();
    entries.removeIf(e -> e.sentAt != null && e.sentAt.isBefore(cutoff));
    return before - entries.size();
  }

  @Override
  public synchronized long countUnsent() {
    return entries.stream().filter(e -> e.sentAt == null).count();
  }

  /** Every order whose event lock was taken, in order (the in-memory stores run one writer at a time). */
  public synchronized List<OrderId> lockedOrders() {
    return List.copyOf(lockedOrders);
  }

  /** Every relay step asked for, in order. */
  public synchronized List<Claim> claims() {
    return List.copyOf(claims);
  }

  /** Simulates a relay of an older release sending a batch under the relay lock right now. */
  public synchronized void holdRelayLockElsewhere(boolean held) {
    this.lockedElsewhere = held;
  }

  /** The relay whose lease runs, if any. */
  public synchronized Optional<String> leaseHolder() {
    return Optional.ofNullable(leaseHolder);
  }

  /** The lease ran out (its holder died, or took longer than the lease). */
  public synchronized void leaseRunsOut() {
    leaseHolder = null;
  }

  /** Every event still in the outbox, sent or not, in the order appended. */
  public synchronized List<ShipmentEvent> all() {
    return entries.stream().map(e -> e.event).toList();
  }

  /** The events of one type, in the order appended. */
  public synchronized List<ShipmentEvent> ofType(String eventType) {
    return entries.stream().map(e -> e.event).filter(e -> e.eventType().equals(eventType)).toList();
  }
}

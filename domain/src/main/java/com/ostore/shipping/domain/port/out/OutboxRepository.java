package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: events are appended in the same transaction as the change they describe
 * and relayed to the broker afterwards.
 */
public interface OutboxRepository {

  /**
   * Makes the current transaction the only one writing this order's events until it ends: another
   * transaction asking for the same order waits. Take it first (before reading what the events are
   * built from) in every transaction that writes an order's events: the outbox then holds each order's
   * events in commit order, and the relay, which sends by append order, never sends a later change
   * before an earlier one (a scan saying {@code label_created} after the {@code cancelled}).
   */
  void lockOrderEvents(OrderId orderId);

  /**
   * {@link #lockOrderEvents(OrderId)} for several orders, taken in ascending order id (the order every
   * writer of several orders' events uses, so two of them cannot deadlock); adapters should take them in
   * one statement.
   */
  default void lockOrderEvents(Collection<OrderId> orderIds) {
    orderIds.stream().distinct().sorted(Comparator.comparingLong(OrderId::value)).forEach(this::lockOrderEvents);
  }

  /**
   * Appends events; call inside the transaction that makes the change, after {@link #lockOrderEvents}
   * (appending takes the events' order locks too, as a safety net).
   */
  void append(List<ShipmentEvent> events);

  /**
   * Takes the relay's lock for the current transaction, so that two relays (two service instances)
   * never publish the same key at once. Returns false when another relay holds it.
   */
  boolean tryLockForRelay();

  /** Unsent events, in the order they were appended, at most {@code limit}. */
  List<ShipmentEvent> unsent(int limit);

  /** Marks events sent after the broker acknowledged them. */
  void markSent(Collection<UUID> eventIds, Instant sentAt);

  /** Deletes events sent before {@code cutoff}; returns how many. */
  int pruneSentBefore(Instant cutoff);

  /** How many events wait to be sent (for health and metrics). */
  long countUnsent();
}

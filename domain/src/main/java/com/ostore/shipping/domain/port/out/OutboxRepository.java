package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox: events are appended in the same transaction as the change they describe
 * and relayed to the broker afterwards, by one relay at a time: the relay lease. A relay reads its batch
 * and takes the lease in one step, sends the batch with no transaction open, and in its next step marks
 * what the broker took as sent and reads the next batch, until nothing waits and it gives the lease up; a
 * relay that dies on the way leaves the lease to run out, and the next one sends what it had not marked
 * again (consumers drop the repeats by eventId).
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
   * One step of a relay, in one statement: marks {@code sentBefore} (what the broker acknowledged of this
   * relay's previous batch) as sent at {@code sentAt}; then, if other events wait, takes the relay lease
   * for {@code relayId} (or extends the one it holds) until {@code lease} from now by the database's clock
   * and returns the oldest unsent events, at most {@code limit}, in the order they were appended, leaving
   * out {@code atTheBroker} (the relay's batch still waiting for its acknowledgements: they count as waiting,
   * so the lease is kept, but are not read again). When nothing else waits it gives up the lease it holds and
   * returns an empty list; while another relay's lease runs it returns empty (the marks are made all the
   * same). Needs no transaction and leaves none open: make {@code lease} longer than the broker may take over
   * a batch, retries included, so a relay that is only slow is not overtaken.
   */
  Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Collection<UUID> atTheBroker, Instant sentAt, int limit,
      Duration lease);

  /** {@link #claimNext(String, Collection, Collection, Instant, int, Duration)} with no batch at the broker. */
  default Optional<List<ShipmentEvent>> claimNext(
      String relayId, Collection<UUID> sentBefore, Instant sentAt, int limit, Duration lease) {
    return claimNext(relayId, sentBefore, List.of(), sentAt, limit, lease);
  }

  /** {@link #claimNext} with nothing to mark: the first step of a relay run. */
  default Optional<List<ShipmentEvent>> claimUnsent(String relayId, int limit, Duration lease) {
    return claimNext(relayId, List.of(), Instant.EPOCH, limit, lease);
  }

  /** Ends {@code relayId}'s lease at once, so the next batch need not wait for it; nothing if it holds none. */
  void releaseRelayLease(String relayId);

  /** Unsent events, in the order they were appended, at most {@code limit}. */
  List<ShipmentEvent> unsent(int limit);

  /** Marks events sent after the broker acknowledged them. */
  void markSent(Collection<UUID> eventIds, Instant sentAt);

  /** Deletes events sent before {@code cutoff}; returns how many. */
  int pruneSentBefore(Instant cutoff);

  /** How many events wait to be sent (for health and metrics). */
  long countUnsent();
}

package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.event.ShipmentEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: events are appended in the same transaction as the change they describe
 * and relayed to the broker afterwards.
 */
public interface OutboxRepository {

  /** Appends events; call inside the transaction that makes the change. */
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

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.RelayEventsUseCase;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays committed events to the broker, oldest first, and marks them sent only once the broker
 * acknowledged them. The relay lock keeps a second service instance from publishing the same events
 * at the same time (which could reorder one order's events); a broker outage leaves the events unsent
 * for the next run, so nothing is lost (delivery is at least once: consumers drop repeats by eventId).
 */
public final class OutboxRelayService implements RelayEventsUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayService.class);

  private final OutboxRepository outbox;
  private final EventPublisher publisher;
  private final Transactions transactions;
  private final int batchSize;
  private final Duration retention;
  private final Clock clock;

  public OutboxRelayService(
      OutboxRepository outbox, EventPublisher publisher, Transactions transactions, int batchSize, Duration retention,
      Clock clock) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.transactions = transactions;
    this.batchSize = batchSize;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public int relayPendingEvents() {
    return transactions.inTransaction(() -> {
      if (!outbox.tryLockForRelay()) {
        return 0;
      }
      List<ShipmentEvent> batch = outbox.unsent(batchSize);
      if (batch.isEmpty()) {
        return 0;
      }
      Set<UUID> acknowledged = publisher.publish(batch);
      if (acknowledged.size() < batch.size()) {
        LOG.warn("the broker acknowledged {} of {} events; the rest stay in the outbox", acknowledged.size(),
            batch.size());
      }
      if (!acknowledged.isEmpty()) {
        outbox.markSent(acknowledged, clock.instant());
      }
      return acknowledged.size();
    });
  }

  @Override
  public int pruneSentEvents() {
    return outbox.pruneSentBefore(clock.instant().minus(retention));
  }
}

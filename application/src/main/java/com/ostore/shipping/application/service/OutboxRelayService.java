package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.RelayEventsUseCase;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays committed events to the broker, oldest first, and marks them sent only once the broker
 * acknowledged them. A batch goes out under the relay lease and with no transaction open: the step that
 * reads a batch takes the lease, and the step that finds nothing more waiting gives it back. While the
 * lease runs no other relay (service instance) sends, so one order's events never go out from two relays
 * at once; a relay that dies mid-batch leaves the lease to run out, and the next relay sends the batch
 * again, in the same order. A broker outage leaves the events unsent for the next run, so nothing is lost
 * (delivery is at least once: consumers drop repeats by eventId).
 */
public final class OutboxRelayService implements RelayEventsUseCase {
  /** Batches one run relays at most; the caller's drain loop starts the next run at once. */
  static final int MAX_BATCHES_PER_RUN = 50;

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayService.class);

  private final OutboxRepository outbox;
  private final EventPublisher publisher;
  private final String relayId;
  private final int batchSize;
  private final Duration lease;
  private final Duration retention;
  private final Clock clock;

  /**
   * {@code lease} must be longer than the publisher may take over one batch, its own retries included; a
   * shorter one lets a second relay send while the first still does.
   */
  public OutboxRelayService(
      OutboxRepository outbox, EventPublisher publisher, String relayId, int batchSize, Duration lease,
      Duration retention, Clock clock) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.relayId = relayId;
    this.batchSize = batchSize;
    this.lease = lease;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * Relays batch after batch until nothing waits (or a batch is only partly acknowledged). Each step is one
   * statement that marks the previous batch sent and reads the next, so a run of n batches costs the
   * database n + 1 round trips besides the broker's. A run ends after {@link #MAX_BATCHES_PER_RUN}
   * batches, so a shutdown never waits long for it.
   */
  @Override
  public int relayPendingEvents() {
    int relayed = 0;
    Collection<UUID> sentBefore = List.of();
    for (int batches = 0; batches < MAX_BATCHES_PER_RUN; batches++) {
      // Empty while another relay's lease runs: that relay sends, and this one asks again when woken next.
      List<ShipmentEvent> batch = outbox.claimNext(relayId, sentBefore, clock.instant(), batchSize, lease)
          .orElse(List.of());
      if (batch.isEmpty()) {
        return relayed;
      }
      Set<UUID> acknowledged = publisher.publish(batch);
      relayed += acknowledged.size();
      if (acknowledged.size() < batch.size()) {
        // The lease stays until it runs out: the publisher may still be retrying the rest, and no other
        // relay must send them meanwhile. This relay may go on at once (the lease is its own).
        LOG.warn("the broker acknowledged {} of {} events; the rest stay in the outbox", acknowledged.size(),
            batch.size());
        markSent(acknowledged);
        return relayed;
      }
      sentBefore = acknowledged;
    }
    markSent(sentBefore);
    outbox.releaseRelayLease(relayId);
    return relayed;
  }

  private void markSent(Collection<UUID> eventIds) {
    if (!eventIds.isEmpty()) {
      outbox.markSent(eventIds, clock.instant());
    }
  }

  @Override
  public int pruneSentEvents() {
    return outbox.pruneSentBefore(clock.instant().minus(retention));
  }
}

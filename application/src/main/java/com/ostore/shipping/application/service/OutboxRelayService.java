package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.RelayEventsUseCase;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays committed events to the broker, oldest first, and marks them sent only once the broker
 * acknowledged them. A batch goes out under the relay lease and with no transaction open: the claim that
 * reads the batch takes the lease, and a batch the broker took in full gives it back at once. While the
 * lease runs no other relay (service instance) sends, so one order's events never go out from two relays
 * at once; a relay that dies mid-batch leaves the lease to run out, and the next relay sends the batch
 * again, in the same order. A broker outage leaves the events unsent for the next run, so nothing is lost
 * (delivery is at least once: consumers drop repeats by eventId).
 */
public final class OutboxRelayService implements RelayEventsUseCase {
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

  @Override
  public int relayPendingEvents() {
    // Empty while another relay's lease runs: that relay sends, and this one asks again when woken next.
    List<ShipmentEvent> batch = outbox.claimUnsent(relayId, batchSize, lease).orElse(List.of());
    if (batch.isEmpty()) {
      return 0;
    }
    Set<UUID> acknowledged = publisher.publish(batch);
    if (!acknowledged.isEmpty()) {
      outbox.markSent(acknowledged, clock.instant());
    }
    if (acknowledged.size() == batch.size()) {
      outbox.releaseRelayLease(relayId);
    } else {
      // The lease stays until it runs out: the publisher may still be retrying the rest, and no other
      // relay must send them meanwhile. This relay may go on at once (the lease is its own).
      LOG.warn("the broker acknowledged {} of {} events; the rest stay in the outbox", acknowledged.size(),
          batch.size());
    }
    return acknowledged.size();
  }

  @Override
  public int pruneSentEvents() {
    return outbox.pruneSentBefore(clock.instant().minus(retention));
  }
}

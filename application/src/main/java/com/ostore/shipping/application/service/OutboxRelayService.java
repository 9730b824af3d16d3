package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.RelayEventsUseCase;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.EventPublisher.InFlight;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
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
 *
 * <p>The database step for the next batch runs while a full batch is at the broker: it leaves the
 * batch out of the next one but counts it as waiting (so the lease is kept), and the next batch is handed
 * to the broker only once the current one was acknowledged in full. An order's events therefore still go
 * out in order, and a batch the broker took only in part ends the run as before, with the next batch
 * claimed but not sent and the lease held.
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
   * statement that marks the batch acknowledged before the one at the broker sent and, while a full batch
   * is at the broker, reads the batch after it; a run of n batches costs the database n + 1 round trips
   * (n + 2 when its last batch is full). A run ends after {@link #MAX_BATCHES_PER_RUN} batches, so a shutdown never waits long for it.
   */
  @Override
  public int relayPendingEvents() {
    // Empty while another relay's lease runs: that relay sends, and this one asks again when woken next.
    List<ShipmentEvent> batch = claim(List.of(), List.of()).orElse(List.of());
    Collection<UUID> unmarked = List.of();
    int relayed = 0;
    try {
      for (int batches = 1; !batch.isEmpty(); batches++) {
        InFlight out = publisher.send(batch);
        boolean lastOfRun = batches >= MAX_BATCHES_PER_RUN;
        // Only a full batch says more may wait; after a short one the step that marks it finds out anyway,
        // so reading ahead would cost a round trip (and its CPU) for nothing.
        Optional<List<ShipmentEvent>> next = Optional.of(List.of());
        if (!lastOfRun && batch.size() >= batchSize) {
          next = claim(unmarked, idsOf(batch));
          unmarked = List.of();
        }
        Set<UUID> acknowledged = out.acknowledged();
        relayed += acknowledged.size();
        if (acknowledged.size() < batch.size()) {
          // The lease stays until it runs out: the publisher may still be retrying the rest, and no other
          // relay must send them meanwhile. This relay may go on at once (the lease is its own). The batch
          // claimed meanwhile stays unsent, behind the rest of this one.
          LOG.warn("the broker acknowledged {} of {} events; the rest stay in the outbox", acknowledged.size(),
              batch.size());
          markSent(concat(unmarked, acknowledged));
          return relayed;
        }
        unmarked = concat(unmarked, acknowledged);
        if (lastOfRun) {
          break;
        }
        if (next.isEmpty()) {
          // Another relay took the lease (this one's ran out): it sends the rest.
          markSent(unmarked);
          return relayed;
        }
        batch = next.get();
        if (batch.isEmpty()) {
          // Not read ahead, or only the batch just acknowledged was waiting: this step marks it, and gives the
          // lease back unless more came.
          batch = claim(unmarked, List.of()).orElse(List.of());
          unmarked = List.of();
          if (batch.isEmpty()) {
            return relayed;
          }
        }
      }
    } catch (RuntimeException e) {
      markAfterFailure(unmarked, e);
      throw e;
    }
    markSent(unmarked);
    outbox.releaseRelayLease(relayId);
    return relayed;
  }

  private Optional<List<ShipmentEvent>> claim(Collection<UUID> sentBefore, Collection<UUID> atTheBroker) {
    return outbox.claimNext(relayId, sentBefore, atTheBroker, clock.instant(), batchSize, lease);
  }

  private void markSent(Collection<UUID> eventIds) {
    if (!eventIds.isEmpty()) {
      outbox.markSent(eventIds, clock.instant());
    }
  }

  /** What the broker took before the failure is not sent again; the failure itself is what the caller sees. */
  private void markAfterFailure(Collection<UUID> eventIds, RuntimeException failure) {
    try {
      markSent(eventIds);
    } catch (RuntimeException alsoFailed) {
      failure.addSuppressed(alsoFailed);
    }
  }

  private static List<UUID> idsOf(List<ShipmentEvent> events) {
    return events.stream().map(ShipmentEvent::eventId).toList();
  }

  private static Collection<UUID> concat(Collection<UUID> first, Collection<UUID> second) {
    if (first.isEmpty()) {
      return second;
    }
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  @Override
  public int pruneSentEvents() {
    return outbox.pruneSentBefore(clock.instant().minus(retention));
  }
}

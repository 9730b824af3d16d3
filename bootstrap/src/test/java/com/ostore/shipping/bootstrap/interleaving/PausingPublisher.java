package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A broker that can keep one publish, or the acknowledgements of one batch, waiting, as a slow or unreachable
 * broker does, until the test lets it go.
 */
final class PausingPublisher implements EventPublisher {
  private final EventPublisher broker;
  private final AtomicReference<Pause> pause = new AtomicReference<>();
  private final AtomicReference<Pause> acknowledgementPause = new AtomicReference<>();

  PausingPublisher(EventPublisher broker) {
    this.broker = broker;
  }

  /** The next publish waits before it reaches the broker. */
  Pause pauseNextPublish() {
    Pause next = new Pause();
    pause.set(next);
    return next;
  }

  /**
   * The next batch is taken at once, as Kafka takes records, but its acknowledgements come only when the test
   * lets them go; the broker sees the batch then.
   */
  Pause pauseNextAcknowledgement() {
    Pause next = new Pause();
    acknowledgementPause.set(next);
    return next;
  }

  @Override
  public InFlight send(List<ShipmentEvent> events) {
    Pause armed = acknowledgementPause.getAndSet(null);
    if (armed == null) {
      return EventPublisher.super.send(events);
    }
    return () -> {
      armed.here();
      return broker.publish(events);
    };
  }

  @Override
  public Set<UUID> publish(List<ShipmentEvent> events) {
    Pause armed = pause.getAndSet(null);
    if (armed != null) {
      armed.here();
    }
    return broker.publish(events);
  }
}

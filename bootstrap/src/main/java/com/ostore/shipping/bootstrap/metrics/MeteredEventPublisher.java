package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Counts events the broker acknowledged, and those it did not (they stay in the outbox for the next try). */
final class MeteredEventPublisher implements EventPublisher {
  private final EventPublisher publisher;
  private final Counter acknowledged;
  private final Counter notAcknowledged;

  MeteredEventPublisher(EventPublisher publisher, MeterRegistry registry) {
    this.publisher = publisher;
    this.acknowledged = Counter.builder("shipping.events.published").description("Events handed to the broker")
        .tag("outcome", "acknowledged").register(registry);
    this.notAcknowledged = Counter.builder("shipping.events.published").description("Events handed to the broker")
        .tag("outcome", "not_acknowledged").register(registry);
  }

  @Override
  public Set<UUID> publish(List<ShipmentEvent> events) {
    return counted(events.size(), publisher.publish(events));
  }

  /** Handed on as it is, so the relay's overlap of its next database step with the broker's answer stays. */
  @Override
  public InFlight send(List<ShipmentEvent> events) {
    InFlight sent = publisher.send(events);
    return () -> counted(events.size(), sent.acknowledged());
  }

  private Set<UUID> counted(int handed, Set<UUID> acked) {
    acknowledged.increment(acked.size());
    notAcknowledged.increment(handed - acked.size());
    return acked;
  }
}

package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** A broker that records what it was sent and acknowledges all of it, or only what a test allows. */
public final class RecordingEventPublisher implements EventPublisher {
  private final List<ShipmentEvent> published = new ArrayList<>();
  private Predicate<ShipmentEvent> acknowledges = event -> true;

  @Override
  public synchronized Set<UUID> publish(List<ShipmentEvent> events) {
    published.addAll(events);
    Set<UUID> acked = new LinkedHashSet<>();
    events.stream().filter(acknowledges).forEach(e -> acked.add(e.eventId()));
    return acked;
  }

  /** From now on only events matching {@code filter} are acknowledged. */
  public synchronized void acknowledgeOnly(Predicate<ShipmentEvent> filter) {
    this.acknowledges = filter;
  }

  public synchronized void acknowledgeAll() {
    this.acknowledges = event -> true;
  }

  /** Every event handed over, repeats included, in order. */
  public synchronized List<ShipmentEvent> published() {
    return List.copyOf(published);
  }
}

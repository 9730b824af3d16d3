package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.event.ShipmentEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Hands shipment events to the message broker the rest of the store listens on. */
public interface EventPublisher {

  /**
   * Sends the events in the order given (order matters within one {@link ShipmentEvent#key()}),
   * waits for the broker's acknowledgements and returns the ids it acknowledged. Events missing from
   * the result were not acknowledged and must be sent again; the call itself does not throw for
   * broker failures.
   */
  Set<UUID> publish(List<ShipmentEvent> events);

  /**
   * {@link #publish} in two halves: hands the events to the broker in the order given, and lets the caller
   * do other work (not involving these events) before it waits for the acknowledgements. A publisher that
   * cannot split the call publishes here and has the answer ready.
   */
  default InFlight send(List<ShipmentEvent> events) {
    Set<UUID> acknowledged = publish(events);
    return () -> acknowledged;
  }

  /** Events handed to the broker whose acknowledgements may still be on their way. */
  @FunctionalInterface
  interface InFlight {
    /** Waits for the acknowledgements (no longer than a publish would) and returns the ids acknowledged, as {@link #publish} does. */
    Set<UUID> acknowledged();
  }
}

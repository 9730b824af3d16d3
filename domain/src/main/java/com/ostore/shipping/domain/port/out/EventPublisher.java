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
}

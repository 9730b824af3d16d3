package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.bootstrap.ForwardingOutbox;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The real outbox, except that a transaction can be stopped right after it appended a chosen event. */
final class PausingOutbox extends ForwardingOutbox {
  private final AtomicReference<Pause> pause = new AtomicReference<>();
  private volatile String pausedType;

  PausingOutbox(OutboxRepository outbox) {
    super(outbox);
  }

  /** The next transaction appending an event of this type stops after the append, before it commits. */
  Pause pauseAfterAppending(String eventType) {
    Pause next = new Pause();
    pausedType = eventType;
    pause.set(next);
    return next;
  }

  @Override
  public void append(List<ShipmentEvent> events) {
    outbox.append(events);
    if (events.stream().anyMatch(e -> e.eventType().equals(pausedType))) {
      Pause armed = pause.getAndSet(null);
      if (armed != null) {
        armed.here();
      }
    }
  }
}

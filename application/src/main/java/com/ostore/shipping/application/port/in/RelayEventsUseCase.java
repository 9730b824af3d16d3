package com.ostore.shipping.application.port.in;

/** Moves committed events from the outbox to the broker. */
public interface RelayEventsUseCase {
  /** Publishes a batch of unsent events; returns how many the broker acknowledged. */
  int relayPendingEvents();

  /** Deletes events sent longer ago than the retention period; returns how many. */
  int pruneSentEvents();
}

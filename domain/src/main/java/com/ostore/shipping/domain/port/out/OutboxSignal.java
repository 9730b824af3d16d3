package com.ostore.shipping.domain.port.out;

import java.time.Duration;

/**
 * Tells the relay that events may have been appended to the outbox (by this instance or another), so it
 * relays them at once instead of polling for them.
 */
public interface OutboxSignal {

  /**
   * Returns when events may have been appended since the previous call returned, or after
   * {@code timeout} at the latest; returns at once if they may already have been. A return without new
   * events is allowed, a missed append is not (it waits at most {@code timeout}).
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void awaitAppend(Duration timeout) throws InterruptedException;
}

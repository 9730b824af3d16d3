package com.ostore.shipping.bootstrap.interleaving;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A point where one piece of work stops until the test lets it go, so that two pieces of work can be
 * interleaved exactly as a review described them instead of hoping a load test hits the window.
 * Only the first thread to arrive stops; later ones pass.
 */
final class Pause {
  private static final long PATIENCE_SECONDS = 30;

  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicBoolean armed = new AtomicBoolean(true);

  /** Called by the work under test: the first caller waits here until {@link #release()}. */
  void here() {
    if (!armed.compareAndSet(true, false)) {
      return;
    }
    reached.countDown();
    await(released, "released");
  }

  /** Waits until the work stopped here. */
  void awaitReached() {
    await(reached, "reached");
  }

  void release() {
    released.countDown();
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the pause was not " + what + " within " + PATIENCE_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

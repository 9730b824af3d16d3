package com.ostore.shipping.adapter.out.kafka;

import java.time.Duration;

/** A point on the monotonic clock that a publish call must not run past. */
record Deadline(long nanoTime) {
  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanoTime >= 0;
  }

  long remainingMillis() {
    return Math.max(0, Duration.ofNanos(nanoTime - System.nanoTime()).toMillis());
  }
}

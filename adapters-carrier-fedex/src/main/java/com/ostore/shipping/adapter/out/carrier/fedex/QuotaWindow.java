package com.ostore.shipping.adapter.out.carrier.fedex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Our view of FedEx's fixed rate-limit window (1,400 calls per 10 s, reset after 10 s): a window
 * starts with the first call after the previous one ended. A 429 without Retry-After waits for the
 * rest of it.
 */
final class QuotaWindow {
  private static final Duration MINIMUM_WAIT = Duration.ofMillis(500);

  private final Clock clock;
  private final Duration period;
  private Instant start;
  private int calls;

  QuotaWindow(Clock clock, Duration period) {
    this.clock = clock;
    this.period = period;
  }

  synchronized void onCall() {
    Instant now = clock.instant();
    if (start == null || !now.isBefore(start.plus(period))) {
      start = now;
      calls = 0;
    }
    calls++;
  }

  /** Calls left of {@code limit} in the current window (all of them once it has ended). */
  synchronized int remainingCalls(int limit) {
    if (start == null || !clock.instant().isBefore(start.plus(period))) {
      return limit;
    }
    return Math.max(0, limit - calls);
  }

  synchronized Duration remaining() {
    if (start == null) {
      return period;
    }
    Duration rest = Duration.between(clock.instant(), start.plus(period));
    return rest.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : rest;
  }
}

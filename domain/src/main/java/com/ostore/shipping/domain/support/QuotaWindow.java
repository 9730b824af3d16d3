package com.ostore.shipping.domain.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Our view of a carrier's fixed quota window (FedEx: 1,400 calls per 10 s; USPS: 60 calls per hour per
 * API): a window starts with the first call after the previous one ended. A 429 without Retry-After
 * waits for the rest of it. Carrier-neutral and JDK-only; thread-safe.
 */
public final class QuotaWindow {
  private static final Duration MINIMUM_WAIT = Duration.ofMillis(500);

  private final Clock clock;
  private final Duration period;
  private Instant start;
  private int calls;

  public QuotaWindow(Clock clock, Duration period) {
    this.clock = clock;
    this.period = period;
  }

  /** Counts a call: it opens a new window when the last one has ended. */
  public synchronized void onCall() {
    Instant now = clock.instant();
    if (start == null || !now.isBefore(start.plus(period))) {
      start = now;
      calls = 0;
    }
    calls++;
  }

  /** Calls left of {@code limit} in the current window as this client counts them (all once it has ended). */
  public synchronized int remainingCalls(int limit) {
    if (start == null || !clock.instant().isBefore(start.plus(period))) {
      return limit;
    }
    return Math.max(0, limit - calls);
  }

  /** What is left of the current window (at least half a second; a whole period before any call). */
  public synchronized Duration remaining() {
    if (start == null) {
      return period;
    }
    Duration rest = Duration.between(clock.instant(), start.plus(period));
    return rest.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : rest;
  }
}

package com.ostore.shipping.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall clock plus a shift the benchmark moves ahead (to make a day pass at once). Unlike a fixed
 * test clock it keeps ticking, so latencies measured against it are real.
 */
final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> shift;
  private final ZoneId zone;

  ShiftableClock() {
    this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  private ShiftableClock(AtomicReference<Duration> shift, ZoneId zone) {
    this.shift = shift;
    this.zone = zone;
  }

  void shiftBy(Duration amount) {
    shift.updateAndGet(current -> current.plus(amount));
  }

  Duration shift() {
    return shift.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new ShiftableClock(shift, newZone);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift.get());
  }
}

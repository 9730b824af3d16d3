package com.ostore.shipping.application.service;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter and a cap for durable work: attempt 1 waits about
 * {@code initial}, each further attempt twice as long, never more than {@code max}. Jitter spreads
 * retries of work that failed together (a carrier outage) so they do not return together.
 */
public record RetryBackoff(Duration initial, Duration max, double multiplier, double jitter, DoubleSupplier random) {

  public RetryBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(random, "random");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    if (multiplier < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("backoff needs multiplier >= 1 and 0 <= jitter < 1");
    }
  }

  /** 10 s doubling up to 1 h, with up to 20 % taken off at random. */
  public static RetryBackoff standard() {
    return of(Duration.ofSeconds(10), Duration.ofHours(1));
  }

  public static RetryBackoff of(Duration initial, Duration max) {
    return new RetryBackoff(initial, max, 2.0, 0.2, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait before the next try, after {@code failedAttempts} failures (1 for the first). */
  public Duration delayAfter(int failedAttempts) {
    int exponent = Math.max(0, failedAttempts - 1);
    double millis = initial.toMillis() * Math.pow(multiplier, Math.min(exponent, 62));
    double capped = Math.min(millis, max.toMillis());
    double jittered = capped * (1 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }
}

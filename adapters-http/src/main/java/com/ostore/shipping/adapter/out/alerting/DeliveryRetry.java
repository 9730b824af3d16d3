package com.ostore.shipping.adapter.out.alerting;

import java.time.Duration;
import java.util.Objects;

/** How often an alert is sent before giving up, and the first wait between tries (doubling after). */
public record DeliveryRetry(int maxAttempts, Duration firstBackoff) {
  /** Four tries over about seven seconds: rides out a blip without holding the caller for long. */
  public static final DeliveryRetry DEFAULT = new DeliveryRetry(4, Duration.ofSeconds(1));

  public DeliveryRetry {
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (firstBackoff.isNegative()) {
      throw new IllegalArgumentException("firstBackoff must not be negative");
    }
  }

  /** The wait after the given failed attempt (1-based). */
  Duration backoffAfter(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
  }
}

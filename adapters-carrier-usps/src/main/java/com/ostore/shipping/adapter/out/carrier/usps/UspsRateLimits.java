package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Duration;
import java.util.Objects;

/**
 * USPS quotas, counted per API (the default product allows 60 calls per hour to each). A call that
 * would wait longer than {@code maxWait} for a permit fails at once with a retry-after instead.
 */
public record UspsRateLimits(int labelCalls, int trackingCalls, int paymentCalls, Duration period, Duration maxWait) {

  public UspsRateLimits {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(maxWait, "maxWait");
    if (labelCalls < 1 || trackingCalls < 1 || paymentCalls < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
  }

  /** USPS's default product: 60 calls per hour per API. */
  public static UspsRateLimits uspsDefault() {
    return new UspsRateLimits(60, 60, 60, Duration.ofHours(1), Duration.ofSeconds(1));
  }

  /** Effectively unlimited, for simulators and benchmarks. */
  public static UspsRateLimits unlimited() {
    return new UspsRateLimits(1_000_000, 1_000_000, 1_000_000, Duration.ofSeconds(1), Duration.ZERO);
  }
}

package com.ostore.shipping.adapter.in.http.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code requests} per {@code period} for one credential, refilled smoothly (a token bucket
 * as deep as {@code requests}, so a quiet caller may burst up to it).
 */
public record RateLimit(int requests, Duration period) {
  public RateLimit {
    Objects.requireNonNull(period, "period");
    if (requests < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
    }
  }

  public static RateLimit perMinute(int requests) {
    return new RateLimit(requests, Duration.ofMinutes(1));
  }
}

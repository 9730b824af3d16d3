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
    if (requests < 1 || requests > 1_000_000 || period.toMillis() < 1 || period.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("a rate limit is 1 to 1000000 requests per 1 ms to 7 days");
    }
  }

  public static RateLimit perMinute(int requests) {
    return new RateLimit(requests, Duration.ofMinutes(1));
  }
}

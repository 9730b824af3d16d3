package com.ostore.shipping.adapter.in.http.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller id. The map holds one small entry per credential that called, and
 * credentials are configured or signed by the issuer, so it cannot be grown by strangers.
 */
final class RateLimiter {
  private final RateLimit limit;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes one request from the caller's bucket; when it is empty, how long until one is back. */
  Optional<Duration> acquire(String callerId) {
    long now = clock.millis();
    return buckets.computeIfAbsent(callerId, id -> new Bucket(limit.requests(), now)).take(now, limit);
  }

  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }

    synchronized Optional<Duration> take(long now, RateLimit limit) {
      double perMilli = (double) limit.requests() / limit.period().toMillis();
      tokens = Math.min(limit.requests(), tokens + Math.max(0, now - updatedAt) * perMilli);
      updatedAt = Math.max(updatedAt, now);
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli)));
    }
  }
}

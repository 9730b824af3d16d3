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
    return buckets.computeIfAbsent(callerId, id -> new Bucket(limit, now)).take(now);
  }

  /**
   * Counted in whole units so refills are exact: one request costs {@code periodMillis} units and every
   * millisecond adds {@code requests} units, up to a full bucket of {@code requests} requests.
   */
  private static final class Bucket {
    private final long requestsPerPeriod;
    private final long cost;
    private long units;
    private long updatedAt;

    Bucket(RateLimit limit, long now) {
      this.requestsPerPeriod = limit.requests();
      this.cost = limit.period().toMillis();
      this.units = requestsPerPeriod * cost;
      this.updatedAt = now;
    }

    synchronized Optional<Duration> take(long now) {
      // Past one period the bucket is full anyway; capping there also keeps the product in range.
      long elapsed = Math.min(cost, Math.max(0, now - updatedAt));
      units = Math.min(requestsPerPeriod * cost, units + elapsed * requestsPerPeriod);
      updatedAt = Math.max(updatedAt, now);
      if (units >= cost) {
        units -= cost;
        return Optional.empty();
      }
      long missing = cost - units;
      return Optional.of(Duration.ofMillis((missing + requestsPerPeriod - 1) / requestsPerPeriod));
    }
  }
}

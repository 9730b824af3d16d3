package com.ostore.shipping.adapter.out.carrier.fedex;

import java.time.Duration;

/**
 * Timeouts, retries, circuit breaker and client-side rate limit for FedEx calls. Retries apply only
 * to calls that are safe to repeat (token, track, cancel), never to create-shipment.
 */
public record FedexResilienceSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration jitter,
    Duration maxRetryAfter,
    int breakerFailures,
    int breakerWindow,
    Duration breakerDelay,
    int rateLimitCalls,
    Duration rateLimitPeriod,
    Duration rateLimitMaxWait,
    Duration tokenRefreshMargin) {

  public FedexResilienceSettings {
    if (maxAttempts < 1 || breakerFailures < 1 || breakerWindow < breakerFailures || rateLimitCalls < 1) {
      throw new IllegalArgumentException("FedEx resilience settings out of range");
    }
  }

  /** FedEx's documented quota of 1,400 calls per 10 s; 3 attempts; breaker opens at 10 failures of 20. */
  public static FedexResilienceSettings standard() {
    return new FedexResilienceSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30),
        3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMillis(200), Duration.ofSeconds(15),
        10, 20, Duration.ofSeconds(30), 1_400, Duration.ofSeconds(10), Duration.ofSeconds(5),
        Duration.ofSeconds(60));
  }

  /** Same settings with other timeouts (connect, read, whole call). */
  public FedexResilienceSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new FedexResilienceSettings(connect, read, call, maxAttempts, backoffBase, backoffMax, jitter,
        maxRetryAfter, breakerFailures, breakerWindow, breakerDelay, rateLimitCalls, rateLimitPeriod,
        rateLimitMaxWait, tokenRefreshMargin);
  }

  /** Same settings with another retry budget and backoff. */
  public FedexResilienceSettings withRetries(int attempts, Duration base, Duration max, Duration maxRetryAfterWait) {
    return new FedexResilienceSettings(connectTimeout, readTimeout, callTimeout, attempts, base, max, jitter,
        maxRetryAfterWait, breakerFailures, breakerWindow, breakerDelay, rateLimitCalls, rateLimitPeriod,
        rateLimitMaxWait, tokenRefreshMargin);
  }

  /** Same settings with another circuit breaker: opens at {@code failures} of the last {@code window} calls. */
  public FedexResilienceSettings withBreaker(int failures, int window, Duration delay) {
    return new FedexResilienceSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, backoffBase,
        backoffMax, jitter, maxRetryAfter, failures, window, delay, rateLimitCalls, rateLimitPeriod,
        rateLimitMaxWait, tokenRefreshMargin);
  }
}

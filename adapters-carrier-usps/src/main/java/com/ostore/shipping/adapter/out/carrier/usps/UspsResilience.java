package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, retries and circuit breaking for every USPS call. Retry delays grow from {@code retryBaseDelay}
 * to {@code retryMaxDelay} with {@code retryJitter} (0..1); a Retry-After up to {@code maxRetryAfter} is
 * waited out, a longer one fails the call at once so the durable task waits instead of a thread.
 * The breaker opens after {@code breakerFailures} failed attempts among the last
 * {@code breakerWindow} and stays open for {@code breakerOpenFor}.
 */
public record UspsResilience(
    Duration connectTimeout,
    Duration attemptTimeout,
    int maxAttempts,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    double retryJitter,
    Duration maxRetryAfter,
    Duration maxTotalDuration,
    int breakerFailures,
    int breakerWindow,
    Duration breakerOpenFor) {

  public UspsResilience {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(maxTotalDuration, "maxTotalDuration");
    Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
    if (maxAttempts < 1 || breakerFailures < 1 || breakerWindow < breakerFailures) {
      throw new IllegalArgumentException("maxAttempts >= 1 and 1 <= breakerFailures <= breakerWindow");
    }
    if (retryJitter < 0 || retryJitter > 1) {
      throw new IllegalArgumentException("retryJitter must be between 0 and 1");
    }
  }

  /** Production defaults: 10 s per attempt, 4 attempts within 60 s, breaker 10 of 20 for 30 s. */
  public static UspsResilience defaults() {
    return new UspsResilience(
        Duration.ofSeconds(5), Duration.ofSeconds(10), 4, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25,
        Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 20, Duration.ofSeconds(30));
  }

  /** Short timeouts and delays for tests against local servers. */
  public static UspsResilience fastForTests() {
    return new UspsResilience(
        Duration.ofMillis(500), Duration.ofMillis(700), 6, Duration.ofMillis(10), Duration.ofMillis(80), 0.25,
        Duration.ofSeconds(2), Duration.ofSeconds(20), 50, 50, Duration.ofSeconds(1));
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Failsafe policies around USPS calls, built from {@link UspsResilience} and {@link UspsRateLimits}. */
final class UspsPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(UspsPolicies.class);

  /** Failsafe falls back to the backoff when a delay function returns a negative duration. */
  private static final Duration NO_OPINION = Duration.ofMillis(-1);

  private UspsPolicies() {}

  /** One breaker for USPS: 5xx, I/O errors and timeouts count; refusals and 429s do not. */
  static CircuitBreaker<HttpResult> breaker(UspsResilience settings) {
    return CircuitBreaker.<HttpResult>builder()
        .handle(IOException.class, TimeoutExceededException.class)
        .handleResultIf(result -> result.code() >= 500)
        .withFailureThreshold(settings.breakerFailures(), settings.breakerWindow())
        .withDelay(settings.breakerOpenFor())
        .onOpen(event -> LOG.warn("USPS circuit breaker opened; calls fail fast for {}", settings.breakerOpenFor()))
        .onClose(event -> LOG.info("USPS circuit breaker closed"))
        .build();
  }

  /** Client-side limiter per USPS API: the quota is counted per API, in bursts within the period. */
  static RateLimiter<HttpResult> rateLimiter(int calls, UspsRateLimits limits) {
    return RateLimiter.<HttpResult>burstyBuilder(calls, limits.period()).withMaxWaitTime(limits.maxWait()).build();
  }

  static Timeout<HttpResult> timeout(UspsResilience settings) {
    return Timeout.<HttpResult>builder(settings.attemptTimeout()).withInterrupt().build();
  }

  /**
   * Retries for calls safe to repeat (all USPS calls are: labels carry an idempotency key): 5xx, 408,
   * 429, I/O errors and timeouts, with exponential backoff and jitter; a server-given wait
   * ({@code waitAfter}) is honoured when it is within the cap, and ends the retries when it is not
   * (a quota 429 without Retry-After waits for the quota window: the durable task retries then).
   */
  static RetryPolicy<HttpResult> retry(UspsResilience settings, Function<HttpResult, Duration> waitAfter) {
    return RetryPolicy.<HttpResult>builder()
        .handle(IOException.class, TimeoutExceededException.class)
        .handleResultIf(HttpResult::isTransient)
        .abortIf(result -> result != null && tooLong(waitAfter.apply(result), settings))
        .withBackoff(settings.retryBaseDelay(), max(settings.retryMaxDelay(), settings.retryBaseDelay().multipliedBy(2)))
        .withJitter(settings.retryJitter())
        .withDelayFn(context -> {
          HttpResult last = context.getLastResult();
          Duration wait = last == null ? null : waitAfter.apply(last);
          return wait == null ? NO_OPINION : wait;
        })
        .withMaxAttempts(settings.maxAttempts())
        .withMaxDuration(settings.maxTotalDuration())
        .onRetry(event -> LOG.info("retrying USPS call, attempt {} ({})", event.getAttemptCount() + 1,
            event.getLastResult() != null ? "HTTP " + event.getLastResult().code() : describe(event.getLastException())))
        .build();
  }

  private static boolean tooLong(Duration wait, UspsResilience settings) {
    return wait != null && wait.compareTo(settings.maxRetryAfter()) > 0;
  }

  private static String describe(Throwable failure) {
    return failure == null ? "no answer" : failure.getClass().getSimpleName();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

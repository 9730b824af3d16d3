package com.ostore.shipping.adapter.out.carrier.fedex;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Failsafe policies around FedEx calls, built from {@link FedexResilienceSettings}. */
final class FedexPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(FedexPolicies.class);

  /** Failsafe falls back to the backoff when a delay function returns a negative duration. */
  private static final Duration NO_OPINION = Duration.ofMillis(-1);

  private FedexPolicies() {}

  /** One breaker per carrier: 5xx, I/O errors and timeouts count; rejections and 429s do not. */
  static CircuitBreaker<HttpResult> breaker(FedexResilienceSettings settings) {
    return CircuitBreaker.<HttpResult>builder()
        .handle(IOException.class, TimeoutExceededException.class)
        .handleResultIf(result -> result.code() >= 500)
        .withFailureThreshold(settings.breakerFailures(), settings.breakerWindow())
        .withDelay(settings.breakerDelay())
        .onOpen(event -> LOG.warn("FedEx circuit breaker opened; calls fail fast for {}", settings.breakerDelay()))
        .onClose(event -> LOG.info("FedEx circuit breaker closed"))
        .build();
  }

  /** Client-side limiter per FedEx project, spread evenly so no 10-second window exceeds the quota. */
  static RateLimiter<HttpResult> rateLimiter(FedexResilienceSettings settings) {
    return RateLimiter.<HttpResult>smoothBuilder(settings.rateLimitCalls(), settings.rateLimitPeriod())
        .withMaxWaitTime(settings.rateLimitMaxWait())
        .build();
  }

  static Timeout<HttpResult> timeout(FedexResilienceSettings settings) {
    return Timeout.<HttpResult>builder(settings.callTimeout()).withInterrupt().build();
  }

  /**
   * Retries for calls safe to repeat: 5xx, 408, 429, I/O errors and timeouts, with exponential backoff
   * and jitter; a server-given wait ({@code waitAfter}) is honoured when it is within the cap, and
   * ends the retries when it is not (the durable task retries later instead).
   */
  static RetryPolicy<HttpResult> retry(FedexResilienceSettings settings, Function<HttpResult, Duration> waitAfter) {
    Duration jitter = min(settings.jitter(), settings.backoffBase().dividedBy(2));
    RetryPolicyBuilder<HttpResult> builder = RetryPolicy.<HttpResult>builder()
        .handle(IOException.class, TimeoutExceededException.class)
        .handleResultIf(HttpResult::isTransient)
        .abortIf(result -> result != null && tooLong(waitAfter.apply(result), settings))
        .withBackoff(settings.backoffBase(), max(settings.backoffMax(), settings.backoffBase().multipliedBy(2)))
        .withDelayFn(context -> {
          HttpResult last = context.getLastResult();
          Duration wait = last == null ? null : waitAfter.apply(last);
          return wait == null ? NO_OPINION : wait.plus(jitter);
        })
        .withMaxAttempts(settings.maxAttempts())
        .onRetry(event -> LOG.debug("retrying FedEx call, attempt {} ({})", event.getAttemptCount() + 1,
            event.getLastResult() != null ? "HTTP " + event.getLastResult().code() : describe(event.getLastException())));
    if (!jitter.isZero()) {
      builder.withJitter(jitter);
    }
    return builder.build();
  }

  private static boolean tooLong(Duration wait, FedexResilienceSettings settings) {
    return wait != null && wait.compareTo(settings.maxRetryAfter()) > 0;
  }

  private static String describe(Throwable failure) {
    return failure == null ? "no answer" : failure.getClass().getSimpleName();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

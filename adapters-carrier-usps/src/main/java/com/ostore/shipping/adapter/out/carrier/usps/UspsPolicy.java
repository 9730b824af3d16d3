package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries, circuit breaker and (optionally) a quota limiter around the calls to one USPS API. Every
 * failure leaves here as a CarrierException; only transient ones are retried or open the breaker.
 */
final class UspsPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(UspsPolicy.class);

  private final String api;
  private final CircuitBreaker<Object> breaker;
  private final QuotaWindow quota;
  private final FailsafeExecutor<Object> executor;

  UspsPolicy(String api, UspsResilience settings, Integer callsPerPeriod, UspsRateLimits limits) {
    this.api = api;
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handle(TransientUspsFailure.class)
        .abortIf((result, failure) -> failure instanceof TransientUspsFailure t && tooLong(t, settings))
        .withMaxAttempts(settings.maxAttempts())
        .withMaxDuration(settings.maxTotalDuration())
        .withDelayFn(context -> RetryDelay.next(context.getAttemptCount(), context.getLastException(), settings))
        .onRetry(event -> LOG.info("USPS {} attempt {} failed ({}); retrying",
            api, event.getAttemptCount(), event.getLastException().getMessage()))
        .build();
    this.breaker = CircuitBreaker.builder()
        .handle(TransientUspsFailure.class)
        .withFailureThreshold(settings.breakerFailures(), settings.breakerWindow())
        .withDelay(settings.breakerOpenFor())
        .onOpen(event -> LOG.warn("USPS {} circuit opened after repeated failures", api))
        .onClose(event -> LOG.info("USPS {} circuit closed", api))
        .build();
    List<dev.failsafe.Policy<Object>> policies = new ArrayList<>(List.of(retry, breaker));
    if (callsPerPeriod != null) {
      this.quota = new QuotaWindow(limits.period(), callsPerPeriod);
      policies.add(RateLimiter.burstyBuilder(callsPerPeriod, limits.period()).withMaxWaitTime(limits.maxWait()).build());
    } else {
      this.quota = null;
    }
    this.executor = Failsafe.with(policies);
  }

  /** Calls left in the current quota window as this client counts them; empty when the API has no quota. */
  OptionalInt remainingCalls() {
    return quota == null ? OptionalInt.empty() : OptionalInt.of(quota.remaining());
  }

  <T> T call(Supplier<T> attempt) {
    if (quota != null) {
      quota.onCall();
    }
    try {
      return executor.get(attempt::get);
    } catch (TransientUspsFailure e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, e.getMessage(), null, e.retryAfter(), e);
    } catch (CircuitBreakerOpenException e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS " + api + " circuit open after repeated failures",
          null, breaker.getRemainingDelay(), null);
    } catch (RateLimitExceededException e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS " + api + " call quota used up for now",
          null, quota.untilNextWindow(), null);
    }
  }

  private static boolean tooLong(TransientUspsFailure failure, UspsResilience settings) {
    return failure.retryAfter() != null && failure.retryAfter().compareTo(settings.maxRetryAfter()) > 0;
  }

  /** Tracks when Failsafe's bursty limiter (windows start at construction) hands out permits again. */
  private static final class QuotaWindow {
    private final long start = System.nanoTime();
    private final Duration period;
    private final int limit;
    private long window = -1;
    private int calls;

    QuotaWindow(Duration period, int limit) {
      this.period = period;
      this.limit = limit;
    }

    synchronized void onCall() {
      long current = (System.nanoTime() - start) / period.toNanos();
      if (current != window) {
        window = current;
        calls = 0;
      }
      calls++;
    }

    synchronized int remaining() {
      long current = (System.nanoTime() - start) / period.toNanos();
      return current != window ? limit : Math.max(0, limit - calls);
    }

    Duration untilNextWindow() {
      long elapsed = (System.nanoTime() - start) % period.toNanos();
      return Duration.ofNanos(period.toNanos() - elapsed);
    }
  }
}

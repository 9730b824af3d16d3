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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries, circuit breaker and (optionally) a quota limiter around the calls to one USPS API. Every
 * failure leaves here as a CarrierException; only transient ones are retried or open the breaker. A
 * 429 without Retry-After is not retried: it waits for USPS's quota window ({@link QuotaWindow}).
 */
final class UspsPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(UspsPolicy.class);

  private final String api;
  private final CircuitBreaker<Object> breaker;
  private final QuotaWindow quota;
  private final FailsafeExecutor<Object> executor;

  UspsPolicy(String api, UspsResilience settings, Integer callsPerPeriod, UspsRateLimits limits, Clock clock) {
    this.api = api;
    this.quota = new QuotaWindow(clock, limits.period());
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handle(TransientUspsFailure.class)
        .abortIf((result, failure) -> failure instanceof TransientUspsFailure t
            && (t.quotaUsedUp() || tooLong(t, settings)))
        .withMaxAttempts(settings.maxAttempts())
        .withMaxDuration(settings.maxTotalDuration())
        .withDelayFn(context -> RetryDelay.next(context.getAttemptCount(), context.getLastException(), settings))
        .onRetry(event -> LOG.info("USPS {} attempt {} failed ({}); retrying",
            api, event.getAttemptCount(), event.getLastException().getMessage()))
        .build();
    this.breaker = CircuitBreaker.builder()
        .handleIf(failure -> failure instanceof TransientUspsFailure t && !t.quotaUsedUp())
        .withFailureThreshold(settings.breakerFailures(), settings.breakerWindow())
        .withDelay(settings.breakerOpenFor())
        .onOpen(event -> LOG.warn("USPS {} circuit opened after repeated failures", api))
        .onClose(event -> LOG.info("USPS {} circuit closed", api))
        .build();
    List<dev.failsafe.Policy<Object>> policies = new ArrayList<>(List.of(retry, breaker));
    if (callsPerPeriod != null) {
      policies.add(RateLimiter.burstyBuilder(callsPerPeriod, limits.period()).withMaxWaitTime(limits.maxWait()).build());
    }
    this.executor = Failsafe.with(policies);
  }

  <T> T call(Supplier<T> attempt) {
    try {
      return executor.get(() -> {
        quota.onCall();
        return attempt.get();
      });
    } catch (TransientUspsFailure e) {
      Duration wait = e.quotaUsedUp() ? quota.remaining() : e.retryAfter();
      throw new CarrierUnavailableException(CarrierCode.USPS, e.getMessage(), null, wait, e);
    } catch (CircuitBreakerOpenException e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS " + api + " circuit open after repeated failures",
          null, breaker.getRemainingDelay(), null);
    } catch (RateLimitExceededException e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS " + api + " call quota used up for now",
          null, quota.remaining(), null);
    }
  }

  private static boolean tooLong(TransientUspsFailure failure, UspsResilience settings) {
    return failure.retryAfter() != null && failure.retryAfter().compareTo(settings.maxRetryAfter()) > 0;
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before the next attempt: USPS's Retry-After when given, else exponential backoff with jitter. */
final class RetryDelay {
  private RetryDelay() {}

  static Duration next(int attemptsSoFar, Throwable lastFailure, UspsResilience settings) {
    if (lastFailure instanceof TransientUspsFailure failure && failure.retryAfter() != null) {
      // Never earlier than USPS asked; a little jitter on top spreads concurrent callers.
      return failure.retryAfter().plus(jitter(settings.retryBaseDelay(), settings.retryJitter()));
    }
    long base = settings.retryBaseDelay().toMillis();
    long exponential = base << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
    long capped = Math.min(exponential, settings.retryMaxDelay().toMillis());
    double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * settings.retryJitter();
    return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
  }

  private static Duration jitter(Duration base, double jitter) {
    return Duration.ofMillis(Math.round(base.toMillis() * jitter * ThreadLocalRandom.current().nextDouble()));
  }
}

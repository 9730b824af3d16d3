package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Duration;

/**
 * A USPS attempt that failed in a way the next attempt may not (5xx, 429, timeout, I/O error, garbled
 * body); the resilience policy retries it and turns the last one into a CarrierUnavailableException.
 * A 429 without Retry-After ({@link #quotaUsedUp()}) is not retried: the hour's quota is gone, so the
 * caller waits for the next quota window.
 */
final class TransientUspsFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;
  private final boolean quotaUsedUp;

  TransientUspsFailure(String message, Duration retryAfter, Throwable cause) {
    this(message, retryAfter, cause, false);
  }

  private TransientUspsFailure(String message, Duration retryAfter, Throwable cause, boolean quotaUsedUp) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.quotaUsedUp = quotaUsedUp;
  }

  static TransientUspsFailure quotaUsedUp(String message) {
    return new TransientUspsFailure(message, null, null, true);
  }

  /** What USPS's Retry-After header asked for, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  boolean quotaUsedUp() {
    return quotaUsedUp;
  }
}

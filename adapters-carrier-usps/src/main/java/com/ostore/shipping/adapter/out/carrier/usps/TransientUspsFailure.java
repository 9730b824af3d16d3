package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Duration;

/**
 * A USPS attempt that failed in a way the next attempt may not (5xx, 429, timeout, I/O error, garbled
 * body); the resilience policy retries it and turns the last one into a CarrierUnavailableException.
 */
final class TransientUspsFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  TransientUspsFailure(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** What USPS's Retry-After header asked for, or null. */
  Duration retryAfter() {
    return retryAfter;
  }
}

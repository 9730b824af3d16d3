package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Duration;
import java.util.Optional;

/**
 * The carrier could not answer now (5xx, 429, timeout, circuit open, expired credentials): the same
 * request may succeed later, no sooner than {@link #retryAfter()} when the carrier said so.
 */
public class CarrierUnavailableException extends CarrierException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public CarrierUnavailableException(
      CarrierCode carrier, String message, String transactionId, Duration retryAfter, Throwable cause) {
    super(carrier, message, transactionId, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}

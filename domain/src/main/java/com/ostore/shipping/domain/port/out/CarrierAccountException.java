package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The carrier refused because of our account, payment or credentials (insufficient funds, a bad
 * permit, an unregistered account number, a forbidden API, a refused client secret), not because of
 * the shipment: every shipment would get the same answer until the team fixes it. {@link #causeKey()}
 * names the cause (e.g. {@code usps:payment:100007}, {@code fedex:forbidden}) so one alert can stand
 * for all the shipments it stops.
 */
public class CarrierAccountException extends CarrierException {
  private static final long serialVersionUID = 1L;

  private final String causeKey;
  private final transient Duration retryAfter;

  public CarrierAccountException(CarrierCode carrier, String causeKey, String message, String transactionId,
      Duration retryAfter, Throwable cause) {
    super(carrier, message, transactionId, cause);
    this.causeKey = Objects.requireNonNull(causeKey, "causeKey");
    this.retryAfter = retryAfter;
  }

  /** The cause shared by every shipment this stops, e.g. {@code usps:payment:100007}. */
  public String causeKey() {
    return causeKey;
  }

  /** When the carrier said to try again (USPS "try again later"), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Retrying the same shipment later may succeed, once the account is fixed. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}

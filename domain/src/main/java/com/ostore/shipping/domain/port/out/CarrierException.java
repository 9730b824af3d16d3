package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import java.util.Optional;

/** A carrier call that did not succeed; keeps the carrier's own message and transaction id. */
public abstract class CarrierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final CarrierCode carrier;
  private final String transactionId;

  protected CarrierException(CarrierCode carrier, String message, String transactionId, Throwable cause) {
    super(carrier.wireName() + ": " + message, cause);
    this.carrier = carrier;
    this.transactionId = transactionId;
  }

  public CarrierCode carrier() {
    return carrier;
  }

  public Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  /** Whether trying the same call again later may succeed. */
  public abstract boolean isRetryable();
}

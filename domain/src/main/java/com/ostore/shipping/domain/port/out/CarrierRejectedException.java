package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;

/**
 * The carrier refused the request itself (invalid address, unsupported service, bad weight): sending
 * it again will not help. The message is the carrier's reason.
 */
public class CarrierRejectedException extends CarrierException {
  private static final long serialVersionUID = 1L;

  public CarrierRejectedException(CarrierCode carrier, String message, String transactionId) {
    super(carrier, message, transactionId, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}

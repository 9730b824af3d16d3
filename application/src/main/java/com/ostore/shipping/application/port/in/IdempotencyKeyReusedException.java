package com.ostore.shipping.application.port.in;

/** The caller sent an idempotency key again with a different request than the one it was first used for. */
public final class IdempotencyKeyReusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException(String message) {
    super(message, null, false, false);
  }
}

package com.ostore.shipping.domain.model;

/** Input that breaks a domain rule; the message is safe to show to the caller as is. */
public class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }
}

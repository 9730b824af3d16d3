package com.ostore.shipping.bootstrap.config;

/** The environment does not describe a service that can start; the message is one line saying why. */
public class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }
}

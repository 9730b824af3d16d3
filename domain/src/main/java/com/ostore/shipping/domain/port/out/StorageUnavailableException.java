package com.ostore.shipping.domain.port.out;

/**
 * The database cannot be reached (no connection to be had, or it went away mid-statement). Nothing was
 * changed that a retry would duplicate: a transaction that met this was rolled back or never began.
 */
public final class StorageUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

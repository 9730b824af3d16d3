package com.ostore.shipping.adapter.in.http;

import java.util.Objects;

/**
 * How the HTTP API listens: the port {@code Javalin.start()} binds (0 picks a free one), the largest
 * request body it reads, and which requests get an access log line.
 */
public record HttpConfig(int port, long maxRequestBodyBytes, AccessLog accessLog) {
  public static final int DEFAULT_PORT = 8080;
  /** Far above any real create-shipment request (50 packages fit in a few KiB). */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

  public HttpConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxRequestBodyBytes < 1) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be positive, was " + maxRequestBodyBytes);
    }
    Objects.requireNonNull(accessLog, "accessLog");
  }

  public static HttpConfig defaults() {
    return onPort(DEFAULT_PORT);
  }

  public static HttpConfig onPort(int port) {
    return new HttpConfig(port, DEFAULT_MAX_REQUEST_BODY_BYTES, AccessLog.ERRORS);
  }

  public HttpConfig withAccessLog(AccessLog lines) {
    return new HttpConfig(port, maxRequestBodyBytes, lines);
  }
}

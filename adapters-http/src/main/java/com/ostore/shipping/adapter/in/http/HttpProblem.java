package com.ostore.shipping.adapter.in.http;

/** A request refused before it reaches a use case, with the status and message the caller gets. */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}

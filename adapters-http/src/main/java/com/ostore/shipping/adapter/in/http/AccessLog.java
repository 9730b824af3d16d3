package com.ostore.shipping.adapter.in.http;

import java.util.Locale;

/**
 * Which finished requests get a line in the access log ({@code com.ostore.shipping.http.access}, INFO).
 * A line for every request costs about a fifth of a read's CPU in the service (formatting it and one write
 * to stdout; benchmarks/README.md), so by default only refused and failed requests are logged; request
 * counts and latencies of all of them are in the metrics either way.
 */
public enum AccessLog {
  /** Every request. */
  ALL,
  /** Requests answered with a status of 400 or above (the default). */
  ERRORS,
  /** None. */
  OFF;

  /** Whether a request answered with {@code status} gets a line. */
  boolean logs(int status) {
    return this == ALL || this == ERRORS && status >= 400;
  }

  /** {@code all}, {@code errors} or {@code off}, in any case. */
  public static AccessLog fromName(String name) {
    for (AccessLog lines : values()) {
      if (lines.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
        return lines;
      }
    }
    throw new IllegalArgumentException("must be all, errors or off");
  }
}

package com.ostore.shipping.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An HTTP {@code Retry-After} value (RFC 9110: delta-seconds or an HTTP date) as the wait from now.
 * Carrier-neutral and JDK-only, so every carrier adapter reads it the same way without depending on
 * another adapter.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the header asks for (never negative), or empty when it is absent or unreadable. */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}

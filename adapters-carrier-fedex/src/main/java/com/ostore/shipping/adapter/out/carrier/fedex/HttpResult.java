package com.ostore.shipping.adapter.out.carrier.fedex;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** One HTTP answer read completely (so the connection is released before any retry). */
record HttpResult(int code, String body, String retryAfterHeader) {

  boolean isSuccess() {
    return code >= 200 && code < 300;
  }

  /** Worth another attempt for a call that is safe to repeat. */
  boolean isTransient() {
    return code >= 500 || code == 429 || code == 408;
  }

  /** The Retry-After header, as delta-seconds or an HTTP date, relative to {@code now}. */
  Optional<Duration> retryAfter(Instant now) {
    if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
      return Optional.empty();
    }
    String value = retryAfterHeader.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return "HttpResult[" + code + "]";
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.support.RetryAfter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One HTTP answer read completely (so the connection is released before any retry): labels are binary. */
record HttpResult(int code, String contentType, String retryAfterHeader, byte[] body) {

  boolean isSuccess() {
    return code >= 200 && code < 300;
  }

  /** Worth another attempt for a call that is safe to repeat. */
  boolean isTransient() {
    return code >= 500 || code == 429 || code == 408;
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The Retry-After header as a wait from {@code now}. */
  Optional<Duration> retryAfter(Instant now) {
    return RetryAfter.parse(retryAfterHeader, now);
  }

  @Override
  public String toString() {
    return "HttpResult[" + code + "]";
  }
}

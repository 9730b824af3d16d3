package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.support.RetryAfter;
import java.time.Duration;
import java.time.Instant;
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

  /** The Retry-After header as a wait from {@code now}. */
  Optional<Duration> retryAfter(Instant now) {
    return RetryAfter.parse(retryAfterHeader, now);
  }

  @Override
  public String toString() {
    return "HttpResult[" + code + "]";
  }
}

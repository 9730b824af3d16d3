package com.ostore.shipping.adapter.out.alerting;

import com.ostore.shipping.domain.support.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom alerts go: the Events API v2 URL, the service's routing key (a {@link Secret},
 * so this record can be logged), the {@code source} shown on the incident and the per-call timeout.
 */
public record PagerDutyConfig(URI url, Secret routingKey, String source, Duration timeout) {
  public static final URI DEFAULT_URL = URI.create("https://events.pagerduty.com/v2/enqueue");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public PagerDutyConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(routingKey, "routingKey");
    Objects.requireNonNull(timeout, "timeout");
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http(s), was " + url);
    }
    if (routingKey.isEmpty()) {
      throw new IllegalArgumentException("routingKey must not be empty");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** PagerDuty's public endpoint with a 10 second timeout. */
  public static PagerDutyConfig of(Secret routingKey, String source) {
    return new PagerDutyConfig(DEFAULT_URL, routingKey, source, DEFAULT_TIMEOUT);
  }
}

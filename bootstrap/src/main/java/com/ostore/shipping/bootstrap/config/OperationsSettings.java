package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.domain.support.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where operators look in: the metrics port (apart from the API, so it can be left off the public
 * network) with an optional bearer token, and how long a background loop may go quiet before readiness
 * fails. {@code metricsPort} 0 picks a free port; -1 turns the endpoint off.
 */
public record OperationsSettings(int metricsPort, Optional<Secret> metricsToken, Duration loopStallAfter) {
  public static final int DEFAULT_METRICS_PORT = 9464;

  public OperationsSettings {
    Objects.requireNonNull(metricsToken, "metricsToken");
    Objects.requireNonNull(loopStallAfter, "loopStallAfter");
    if (metricsPort < -1 || metricsPort > 65_535) {
      throw new IllegalArgumentException("metricsPort must be -1..65535, was " + metricsPort);
    }
  }

  public static OperationsSettings defaults() {
    return new OperationsSettings(DEFAULT_METRICS_PORT, Optional.empty(), Duration.ofMinutes(10));
  }
}

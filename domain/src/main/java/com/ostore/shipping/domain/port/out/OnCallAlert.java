package com.ostore.shipping.domain.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An alert for the on-caller: what is wrong, since when, and the key that resolves it later. */
public record OnCallAlert(String dedupKey, String summary, Severity severity, Instant since, Map<String, String> details) {
  /** How urgent the alert is. */
  public enum Severity {
    CRITICAL,
    ERROR,
    WARNING
  }

  public OnCallAlert {
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(since, "since");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}

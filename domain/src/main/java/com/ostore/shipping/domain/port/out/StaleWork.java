package com.ostore.shipping.domain.port.out;

import java.util.Objects;

/**
 * Work unacknowledged for too long, grouped by what holds it up: one carrier outage holds up many
 * tasks and raises one alert; work held up by nothing known outside stands alone. {@code oldest} is
 * the task waiting longest, {@code tasks} how many wait behind the same cause.
 */
public record StaleWork(Task oldest, String blockedBy, int tasks) {

  public StaleWork {
    Objects.requireNonNull(oldest, "oldest");
    if (tasks < 1) {
      throw new IllegalArgumentException("stale work has at least one task");
    }
  }

  /** The alert cause (dedup key) of this stale work. */
  public String cause() {
    return blockedBy != null ? blockedBy : oldest.alertKey();
  }
}

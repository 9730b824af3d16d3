package com.ostore.shipping.sandbox.faults;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * A carrier's hourly call quota on one API, counted per clock hour of the simulator's clock as USPS
 * counts "60 calls per hour per API": once an hour's calls are spent, further calls are refused (429)
 * until the next hour. Off (no limit) until a limit is set. Keeps the calls served and refused per hour.
 */
public final class HourlyQuota {
  private final Clock clock;
  private int limit;
  private final Map<Instant, Integer> served = new TreeMap<>();
  private final Map<Instant, Integer> refused = new TreeMap<>();

  public HourlyQuota(Clock clock) {
    this.clock = clock;
  }

  /** Calls allowed per clock hour; 0 turns the quota off. */
  public synchronized HourlyQuota limit(int callsPerHour) {
    this.limit = callsPerHour;
    return this;
  }

  /** Counts one call; false when this hour's quota is already spent (the call must be refused). */
  public synchronized boolean take() {
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    if (limit > 0 && served.getOrDefault(hour, 0) >= limit) {
      refused.merge(hour, 1, Integer::sum);
      return false;
    }
    served.merge(hour, 1, Integer::sum);
    return true;
  }

  /** Seconds until the next clock hour, for Retry-After. */
  public long secondsToNextHour() {
    Instant now = clock.instant();
    return Math.max(1, now.until(now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), ChronoUnit.SECONDS));
  }

  public synchronized Map<Instant, Integer> servedPerHour() {
    return new TreeMap<>(served);
  }

  public synchronized int refusedTotal() {
    return refused.values().stream().mapToInt(Integer::intValue).sum();
  }
}

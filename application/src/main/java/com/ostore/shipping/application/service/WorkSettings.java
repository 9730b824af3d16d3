package com.ostore.shipping.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How background work runs: claim sizes, leases, retry backoff, the tracking rhythm, the alert
 * threshold, how long sent events and idempotency keys are kept, and how long the outbox relay's lease
 * lasts (longer than the broker may take over one batch, its retries included). Bootstrap builds it from
 * configuration.
 */
public record WorkSettings(
    int claimBatchSize,
    Duration lease,
    RetryBackoff backoff,
    Duration trackingInterval,
    Duration trackingSpread,
    Duration maxTrackingAge,
    Duration alertAfter,
    int relayBatchSize,
    Duration outboxRetention,
    Duration idempotencyKeyRetention,
    Duration relayLease) {

  /** The relay lease when the broker is given the default 10 s a batch (twice that, and 10 s to spare). */
  public static final Duration DEFAULT_RELAY_LEASE = Duration.ofSeconds(30);

  public WorkSettings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(trackingInterval, "trackingInterval");
    Objects.requireNonNull(trackingSpread, "trackingSpread");
    Objects.requireNonNull(maxTrackingAge, "maxTrackingAge");
    Objects.requireNonNull(alertAfter, "alertAfter");
    Objects.requireNonNull(outboxRetention, "outboxRetention");
    Objects.requireNonNull(idempotencyKeyRetention, "idempotencyKeyRetention");
    Objects.requireNonNull(relayLease, "relayLease");
    if (relayLease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the relay lease must last at least a second");
    }
    if (claimBatchSize < 1 || relayBatchSize < 1) {
      throw new IllegalArgumentException("batch sizes must be positive");
    }
    if (trackingSpread.compareTo(trackingInterval) > 0) {
      throw new IllegalArgumentException("the tracking spread cannot exceed the tracking interval");
    }
  }

  /** Settings with the {@link #DEFAULT_RELAY_LEASE}. */
  public WorkSettings(int claimBatchSize, Duration lease, RetryBackoff backoff, Duration trackingInterval,
      Duration trackingSpread, Duration maxTrackingAge, Duration alertAfter, int relayBatchSize, Duration outboxRetention,
      Duration idempotencyKeyRetention) {
    this(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter, relayBatchSize,
        outboxRetention, idempotencyKeyRetention, DEFAULT_RELAY_LEASE);
  }

  /** The seed's rhythm: daily tracking spread over the day, alerts after one day; keys kept a day. */
  public static WorkSettings defaults() {
    return new WorkSettings(10, Duration.ofMinutes(5), RetryBackoff.standard(), Duration.ofDays(1), Duration.ofHours(4),
        Duration.ofDays(60), Duration.ofDays(1), 200, Duration.ofDays(7), Duration.ofDays(1));
  }

  /** The same settings with another relay lease. */
  public WorkSettings withRelayLease(Duration newLease) {
    return new WorkSettings(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter,
        relayBatchSize, outboxRetention, idempotencyKeyRetention, newLease);
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How background work runs: claim sizes, leases, retry backoff, the tracking rhythm, the alert
 * threshold and how long sent events and idempotency keys are kept. {@code trackingEarlyWindow} is how
 * much earlier than its daily time an order may be tracked to fill a carrier batch that orders already
 * due leave partly empty (never more; an order is never delayed to fill a batch). {@code trackingCallsPerHour}
 * is each carrier's hourly tracking budget, shared by every instance on the database (a carrier missing from
 * it is not limited). {@code relayLease}
 * is how long the outbox relay's lease lasts (longer than the broker may take over one batch, its retries
 * included). Bootstrap builds it from configuration.
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
    Duration trackingEarlyWindow,
    Map<CarrierCode, Integer> trackingCallsPerHour,
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
    Objects.requireNonNull(trackingEarlyWindow, "trackingEarlyWindow");
    trackingCallsPerHour = Map.copyOf(trackingCallsPerHour);
    if (trackingCallsPerHour.values().stream().anyMatch(calls -> calls < 1)) {
      throw new IllegalArgumentException("a tracking budget must allow at least one call an hour");
    }
    if (trackingEarlyWindow.isNegative() || trackingEarlyWindow.compareTo(trackingInterval.dividedBy(2)) > 0) {
      throw new IllegalArgumentException("the tracking early window must lie between zero and half the interval");
    }
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

  /**
   * FedEx: the Track capability's 100,000 calls a day is 4,166 an hour; 4,000 leaves the rest of the
   * project's calls to label work. USPS counts 60 calls an hour per API, and labels use another API.
   */
  public static final Map<CarrierCode, Integer> DEFAULT_TRACKING_CALLS_PER_HOUR =
      Map.of(CarrierCode.FEDEX, 4_000, CarrierCode.USPS, 60);

  /** Settings with the {@link #DEFAULT_RELAY_LEASE}. */
  public WorkSettings(
      int claimBatchSize, Duration lease, RetryBackoff backoff, Duration trackingInterval, Duration trackingSpread,
      Duration maxTrackingAge, Duration alertAfter, int relayBatchSize, Duration outboxRetention,
      Duration idempotencyKeyRetention, Duration trackingEarlyWindow, Map<CarrierCode, Integer> trackingCallsPerHour) {
    this(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter, relayBatchSize,
        outboxRetention, idempotencyKeyRetention, trackingEarlyWindow, trackingCallsPerHour, DEFAULT_RELAY_LEASE);
  }

  /** Settings without an early window or tracking budgets: every order is tracked when due, never before. */
  public WorkSettings(
      int claimBatchSize, Duration lease, RetryBackoff backoff, Duration trackingInterval, Duration trackingSpread,
      Duration maxTrackingAge, Duration alertAfter, int relayBatchSize, Duration outboxRetention,
      Duration idempotencyKeyRetention) {
    this(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter, relayBatchSize,
        outboxRetention, idempotencyKeyRetention, Duration.ZERO, Map.of());
  }

  /** The seed's rhythm: daily tracking spread over the day, alerts after one day; keys kept a day. */
  public static WorkSettings defaults() {
    return new WorkSettings(10, Duration.ofMinutes(5), RetryBackoff.standard(), Duration.ofDays(1), Duration.ofHours(4),
        Duration.ofDays(60), Duration.ofDays(1), 1000, Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1),
        DEFAULT_TRACKING_CALLS_PER_HOUR);
  }

  /** The same settings with another relay lease. */
  public WorkSettings withRelayLease(Duration newLease) {
    return new WorkSettings(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter,
        relayBatchSize, outboxRetention, idempotencyKeyRetention, trackingEarlyWindow, trackingCallsPerHour, newLease);
  }

  /** The same settings with another relay batch size. */
  public WorkSettings withRelayBatchSize(int newBatchSize) {
    return new WorkSettings(claimBatchSize, lease, backoff, trackingInterval, trackingSpread, maxTrackingAge, alertAfter,
        newBatchSize, outboxRetention, idempotencyKeyRetention, trackingEarlyWindow, trackingCallsPerHour, relayLease);
  }
}

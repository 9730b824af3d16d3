package com.ostore.shipping.bootstrap.config;

import java.time.Duration;

/**
 * How many label workers run, how often each background loop looks for work, and how long a
 * stopping instance lets running work finish.
 */
public record WorkSchedule(
    int labelWorkers, Duration pollInterval, Duration relayInterval, Duration leaseRenewal, Duration alertCheck,
    Duration pruneInterval, Duration shutdownGrace) {

  /**
   * Database connections the background work may hold at once: one per thread, and each loop has its
   * own (every label worker, the tracking run, the outbox relay, the stale-work check, outbox pruning,
   * idempotency key purge, the stored answers' refresh) plus lease renewal, and the tracking run's recording
   * thread besides the run's own.
   * The relay holds no connection while it waits for the broker; its listener's connection is outside the pool.
   */
  public int backgroundConnections() {
    return labelWorkers + 8;
  }
}

package com.ostore.shipping.application.port.in;

/**
 * Background work: keeps the leases of everything this instance has claimed alive while it runs, and
 * lets go of the work it will not start when the instance stops.
 */
public interface ManageLeasesUseCase {
  /**
   * Renews the lease of every task this instance holds, running or still waiting in a worker's batch.
   * Work whose lease turns out to be gone is told to stop before its next step.
   */
  void renewLeases();

  /**
   * Stops claiming new work and hands back, at once, every claimed task no worker has started (due
   * again for any instance, its lease cleared). Returns how many were handed back.
   */
  int stopClaiming();

  /** How many claimed tasks are being worked on right now. */
  int runningCount();
}

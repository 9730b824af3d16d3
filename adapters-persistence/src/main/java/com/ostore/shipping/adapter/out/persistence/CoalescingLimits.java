package com.ostore.shipping.adapter.out.persistence;

/**
 * How far {@link JdbiShipmentRepository} coalesces the creates of concurrent requests: at most so many
 * creates in one statement, at most so many such statements running at once (each on a pooled connection
 * of its own), and how many creates must be waiting before a statement starts beside one that runs.
 */
record CoalescingLimits(int maxCreates, int createBatchesInFlight, int overlapAt) {
  /**
   * Measured with the API benchmark on 2 cores (benchmarks/README.md, "Coalesced creates and reads" and
   * "Create batches: a second statement only once several creates wait").
   */
  static final CoalescingLimits DEFAULTS = new CoalescingLimits(
      Integer.getInteger("ostore.coalesce.maxCreates", 32), Integer.getInteger("ostore.coalesce.createsInFlight", 2),
      Integer.getInteger("ostore.coalesce.overlapAt", 8));

  CoalescingLimits {
    if (maxCreates < 1 || createBatchesInFlight < 1 || overlapAt < 1) {
      throw new IllegalArgumentException("every coalescing limit must be at least 1");
    }
  }
}

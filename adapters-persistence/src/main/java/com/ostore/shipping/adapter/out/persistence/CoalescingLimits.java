package com.ostore.shipping.adapter.out.persistence;

/**
 * How far {@link JdbiShipmentRepository} coalesces the creates of concurrent requests: at most so many
 * creates in one statement, at most so many such statements running at once (each on a pooled connection
 * of its own).
 */
record CoalescingLimits(int maxCreates, int createBatchesInFlight) {
  /** Measured with the API benchmark on 2 cores (benchmarks/README.md, "Coalesced creates and reads"). */
  static final CoalescingLimits DEFAULTS = new CoalescingLimits(
      Integer.getInteger("ostore.coalesce.maxCreates", 32), Integer.getInteger("ostore.coalesce.createsInFlight", 2));

  CoalescingLimits {
    if (maxCreates < 1 || createBatchesInFlight < 1) {
      throw new IllegalArgumentException("every coalescing limit must be at least 1");
    }
  }
}

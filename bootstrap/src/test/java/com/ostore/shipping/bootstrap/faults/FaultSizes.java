package com.ostore.shipping.bootstrap.faults;

import java.time.Duration;

/**
 * How big each fault scenario runs: small in every build, at the sizes with
 * {@code -Dfaults.full=true} (the {@code faults-full} profile; see docs/faults.md).
 */
final class FaultSizes {
  static final boolean FULL = Boolean.getBoolean("faults.full");

  private FaultSizes() {}

  static int pick(int small, int full) {
    return FULL ? full : small;
  }

  static Duration pick(Duration small, Duration full) {
    return FULL ? full : small;
  }

  static String label() {
    return FULL ? "full" : "small";
  }
}

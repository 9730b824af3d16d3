package com.ostore.shipping.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a set of latencies in milliseconds. */
record LatencyStats(int count, double p50, double p95, double p99, double max) {

  static LatencyStats of(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencyStats(sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.95),
        percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static double percentile(List<Double> sorted, double q) {
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Override
  public String toString() {
    return "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms".formatted(count, p50, p95, p99, max);
  }
}

package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.adapter.out.persistence.WorkStatistics;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database reading shared by all the gauges of a scrape: the first gauge asks, the others within a
 * second reuse it. While the database is away the gauges read NaN ("no value") rather than failing.
 */
final class CachedReading {
  private static final Logger LOG = LoggerFactory.getLogger(CachedReading.class);
  private static final long FRESH_NANOS = 1_000_000_000L;

  private final Supplier<WorkStatistics.Snapshot> source;
  private WorkStatistics.Snapshot last;
  private long readAt;

  CachedReading(Supplier<WorkStatistics.Snapshot> source) {
    this.source = source;
  }

  synchronized double value(ToDoubleFunction<WorkStatistics.Snapshot> of) {
    long now = System.nanoTime();
    if (last == null || now - readAt > FRESH_NANOS) {
      try {
        last = source.get();
      } catch (RuntimeException e) {
        LOG.warn("work statistics unavailable: {}", e.toString());
        last = null;
      }
      readAt = now;
    }
    return last == null ? Double.NaN : of.applyAsDouble(last);
  }
}

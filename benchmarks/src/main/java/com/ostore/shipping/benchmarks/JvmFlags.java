package com.ostore.shipping.benchmarks;

/** The JVM flags the README recommends for the production jar; the benchmarks run it (and the baseline) with them. */
final class JvmFlags {
  static final String RECOMMENDED = "";

  private JvmFlags() {}
}

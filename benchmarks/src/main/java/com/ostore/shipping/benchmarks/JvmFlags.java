package com.ostore.shipping.benchmarks;

import java.util.Map;

/**
 * The JVM flags (and the one environment variable) the README recommends for the production jar; the
 * benchmarks run it, and the bare baseline, with them. {@code -DjvmFlags=...} replaces the flags.
 */
final class JvmFlags {
  static final String RECOMMENDED = "-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m"
      + " -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError";

  /** glibc gives each thread that mallocs an arena of its own; two keep native memory from fragmenting. */
  static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  private JvmFlags() {}
}

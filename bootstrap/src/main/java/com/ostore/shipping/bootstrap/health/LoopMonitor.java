package com.ostore.shipping.bootstrap.health;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Heartbeats of the background loops: when each last showed life (started a run, finished a batch,
 * ended a run) and when it last ran without failing. A loop that has shown no life for longer than its
 * allowance (three intervals, and never less than {@code stallAfter}) is stuck, and readiness says so.
 */
public final class LoopMonitor {
  private final Map<String, Loop> loops = new ConcurrentHashMap<>();
  private final Duration stallAfter;
  private final LongSupplier nanoTime;

  public LoopMonitor(Duration stallAfter) {
    this(stallAfter, System::nanoTime);
  }

  LoopMonitor(Duration stallAfter, LongSupplier nanoTime) {
    this.stallAfter = stallAfter;
    this.nanoTime = nanoTime;
  }

  /** Registers a loop; it counts as alive from now on until its allowance runs out. */
  public void register(String name, Duration interval) {
    long now = nanoTime.getAsLong();
    Duration allowance = interval.multipliedBy(3).compareTo(stallAfter) > 0 ? interval.multipliedBy(3) : stallAfter;
    loops.putIfAbsent(name, new Loop(allowance, now));
  }

  public void alive(String name) {
    loops.get(name).lastAlive = nanoTime.getAsLong();
  }

  public void succeeded(String name) {
    Loop loop = loops.get(name);
    long now = nanoTime.getAsLong();
    loop.lastAlive = now;
    loop.lastSuccess = now;
  }

  /** Seconds since each loop last ran without failing (since start when it never has). */
  public Map<String, Duration> lastSuccessAge() {
    long now = nanoTime.getAsLong();
    Map<String, Duration> ages = new TreeMap<>();
    loops.forEach((name, loop) -> ages.put(name, Duration.ofNanos(now - loop.lastSuccess)));
    return ages;
  }

  /** The loops that have shown no life within their allowance. */
  public Map<String, Duration> stalled() {
    long now = nanoTime.getAsLong();
    Map<String, Duration> stalled = new TreeMap<>();
    loops.forEach((name, loop) -> {
      Duration quiet = Duration.ofNanos(now - loop.lastAlive);
      if (quiet.compareTo(loop.allowance) > 0) {
        stalled.put(name, quiet);
      }
    });
    return stalled;
  }

  private static final class Loop {
    final Duration allowance;
    volatile long lastAlive;
    volatile long lastSuccess;

    Loop(Duration allowance, long now) {
      this.allowance = allowance;
      this.lastAlive = now;
      this.lastSuccess = now;
    }
  }
}

package com.ostore.shipping.bootstrap;

import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.bootstrap.config.WorkSchedule;
import com.ostore.shipping.bootstrap.health.LoopMonitor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled executor that runs the background work: label workers, the tracking run, the outbox
 * relay, lease renewal, the stale-work alert check, and pruning of sent events and expired idempotency
 * keys. Each loop drains its queue while there is work and then waits for its poll interval; one failing
 * run is logged and the loop goes on.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  private final ScheduledExecutorService executor;
  private final ShipmentTrackingCore core;
  private final WorkSchedule schedule;
  private final LoopMonitor loops;

  public BackgroundWork(ShipmentTrackingCore core, WorkSchedule schedule, LoopMonitor loops) {
    this.core = core;
    this.schedule = schedule;
    this.loops = loops;
    this.executor = Executors.newScheduledThreadPool(schedule.labelWorkers() + 4, namedThreads());
  }

  public void start() {
    for (int i = 1; i <= schedule.labelWorkers(); i++) {
      String name = "label_work_" + i;
      every(schedule.pollInterval(), name, drain(name, core.labelWork()::processDueLabelTasks));
    }
    every(schedule.pollInterval(), "tracking_run", drain("tracking_run", core.tracking()::trackDueOrders));
    every(schedule.relayInterval(), "outbox_relay", drain("outbox_relay", core.relay()::relayPendingEvents));
    every(schedule.leaseRenewal(), "lease_renewal", core.labelWork()::renewLeases);
    every(schedule.alertCheck(), "stale_work_check", () -> core.staleWorkAlerts().alertOnStaleWork());
    every(schedule.pruneInterval(), "outbox_pruning", () -> core.relay().pruneSentEvents());
    every(schedule.pruneInterval(), "idempotency_key_purge",
        () -> core.idempotencyKeyPurge().purgeExpiredIdempotencyKeys());
  }

  private void every(Duration interval, String name, Runnable work) {
    loops.register(name, interval);
    executor.scheduleWithFixedDelay(guarded(name, interval, work, loops), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One run of a loop that can never end the loop: whatever it throws, Errors included, is logged and the
   * next run comes at the usual time (an exception escaping {@code scheduleWithFixedDelay} would cancel
   * every later run without a word). A run that never returns stops the heartbeats instead, and readiness
   * reports the loop stalled.
   */
  static Runnable guarded(String name, Duration interval, Runnable work, LoopMonitor loops) {
    return () -> {
      loops.alive(name);
      try {
        work.run();
        loops.succeeded(name);
      } catch (Throwable e) {
        LOG.error("{} failed; it runs again in {}", name, interval, e);
      }
    };
  }

  private Runnable drain(String name, IntSupplier batch) {
    return () -> {
      while (!executor.isShutdown() && batch.getAsInt() > 0) {
        loops.alive(name);
      }
    };
  }

  /** Stops taking new work and waits for running work to finish (its leases protect the rest). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "background-work-" + count.incrementAndGet());
      thread.setDaemon(false);
      return thread;
    };
  }
}

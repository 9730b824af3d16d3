package com.ostore.shipping.bootstrap;

import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.bootstrap.config.WorkSchedule;
import com.ostore.shipping.domain.port.out.OutboxSignal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * run is logged and the loop goes on. The relay, once started, keeps a thread of its own: it drains the
 * outbox whenever the outbox signal says events were appended, and at least every relay interval.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  private final ScheduledExecutorService executor;
  private final ShipmentTrackingCore core;
  private final WorkSchedule schedule;
  private final OutboxSignal outboxAppended;

  public BackgroundWork(ShipmentTrackingCore core, WorkSchedule schedule, OutboxSignal outboxAppended) {
    this.core = core;
    this.schedule = schedule;
    this.outboxAppended = outboxAppended;
    this.executor = Executors.newScheduledThreadPool(schedule.labelWorkers() + 5, namedThreads());
  }

  /** Starts every loop but the relay ({@link #startRelay()}). */
  public void start() {
    for (int i = 0; i < schedule.labelWorkers(); i++) {
      every(schedule.pollInterval(), "label work", drain(core.labelWork()::processDueLabelTasks));
    }
    every(schedule.pollInterval(), "tracking run", drain(core.tracking()::trackDueOrders));
    every(schedule.leaseRenewal(), "lease renewal", core.labelWork()::renewLeases);
    every(schedule.alertCheck(), "stale work check", () -> core.staleWorkAlerts().alertOnStaleWork());
    every(schedule.pruneInterval(), "outbox pruning", () -> core.relay().pruneSentEvents());
    every(schedule.pruneInterval(), "idempotency key purge",
        () -> core.idempotencyKeyPurge().purgeExpiredIdempotencyKeys());
  }

  /**
   * Starts the relay loop; separate from {@link #start()} so the caller can first make sure the topic
   * exists (events then never create it with the broker's defaults). Nothing happens after {@link #close()}.
   */
  public void startRelay() {
    try {
      executor.execute(this::relayUntilStopped);
    } catch (RejectedExecutionException closed) {
      // stopping already
    }
  }

  private void relayUntilStopped() {
    Runnable relay = drain(core.relay()::relayPendingEvents);
    Duration interval = schedule.relayInterval();
    while (!executor.isShutdown()) {
      try {
        relay.run();
      } catch (RuntimeException e) {
        LOG.error("outbox relay failed; it runs again when events are appended, or in {}", interval, e);
      }
      try {
        outboxAppended.awaitAppend(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void every(Duration interval, String name, Runnable work) {
    executor.scheduleWithFixedDelay(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed; it runs again in {}", name, interval, e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Runnable drain(IntSupplier batch) {
    return () -> {
      while (!executor.isShutdown() && batch.getAsInt() > 0) {
        // keep going while each batch found work
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

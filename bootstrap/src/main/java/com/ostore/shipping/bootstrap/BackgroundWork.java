package com.ostore.shipping.bootstrap;

import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.application.port.in.ManageLeasesUseCase;
import com.ostore.shipping.bootstrap.config.WorkSchedule;
import com.ostore.shipping.bootstrap.health.LoopMonitor;
import com.ostore.shipping.domain.port.out.OutboxSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
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
 * The scheduled executors that run the background work: label workers, the tracking run, the outbox
 * relay, the stale-work alert check, pruning of sent events and of expired idempotency keys, each loop on a thread of its own (the pool is
 * sized from the loops scheduled, so a busy loop never delays another), and lease renewal on a thread
 * apart that runs until the very end of a shutdown. Each loop drains its queue while there is work
 * and then waits for its poll interval; one failing run is logged and the loop goes on. The relay, once
 * started, keeps a thread of its own: it drains the outbox whenever the outbox signal says events were
 * appended, and at least every relay interval.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);
  private static final String RELAY = "outbox_relay";

  /** One periodic piece of background work. */
  private record Loop(String name, Duration interval, Runnable work) {}

  private final ManageLeasesUseCase leases;
  private final WorkSchedule schedule;
  private final List<Loop> loops;
  private final LoopMonitor monitor;
  private final ScheduledExecutorService workers;
  private final ScheduledExecutorService renewal;
  private final Runnable relay;
  private final OutboxSignal outboxAppended;

  public BackgroundWork(
      ShipmentTrackingCore core, WorkSchedule schedule, LoopMonitor monitor, OutboxSignal outboxAppended) {
    this.leases = core.leases();
    this.schedule = schedule;
    this.monitor = monitor;
    this.outboxAppended = outboxAppended;
    this.loops = loops(core, schedule);
    this.relay = drain(RELAY, core.relay()::relayPendingEvents);
    // One thread more than the loops: the relay's.
    this.workers = Executors.newScheduledThreadPool(loops.size() + 1, namedThreads("background-work-"));
    this.renewal = Executors.newSingleThreadScheduledExecutor(namedThreads("lease-renewal-"));
  }

  private List<Loop> loops(ShipmentTrackingCore core, WorkSchedule schedule) {
    List<Loop> all = new ArrayList<>();
    for (int i = 1; i <= schedule.labelWorkers(); i++) {
      String name = "label_work_" + i;
      all.add(new Loop(name, schedule.pollInterval(), drain(name, core.labelWork()::processDueLabelTasks)));
    }
    all.add(new Loop("tracking_run", schedule.pollInterval(), drain("tracking_run", core.tracking()::trackDueOrders)));
    all.add(new Loop("stale_work_check", schedule.alertCheck(), () -> core.staleWorkAlerts().alertOnStaleWork()));
    all.add(new Loop("outbox_pruning", schedule.pruneInterval(), () -> core.relay().pruneSentEvents()));
    all.add(new Loop("idempotency_key_purge", schedule.pruneInterval(),
        () -> core.idempotencyKeyPurge().purgeExpiredIdempotencyKeys()));
    all.add(new Loop("stored_answer_refresh", schedule.pollInterval(),
        () -> core.storedAnswerRefresh().refreshStoredAnswers()));
    return List.copyOf(all);
  }

  /** Starts every loop but the relay ({@link #startRelay()}). */
  public void start() {
    loops.forEach(loop -> every(workers, loop));
    every(renewal, new Loop("lease_renewal", schedule.leaseRenewal(), leases::renewLeases));
  }

  /**
   * Starts the relay loop; separate from {@link #start()} so the caller can first make sure the topic
   * exists (events then never create it with the broker's defaults). Nothing happens after {@link #close()}.
   */
  public void startRelay() {
    try {
      workers.execute(this::relayUntilStopped);
    } catch (RejectedExecutionException closed) {
      // stopping already
    }
  }

  private void relayUntilStopped() {
    Duration interval = schedule.relayInterval();
    monitor.register(RELAY, interval);
    Runnable run = guarded(RELAY, interval, relay, monitor);
    while (!workers.isShutdown()) {
      run.run();
      try {
        outboxAppended.awaitAppend(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void every(ScheduledExecutorService executor, Loop loop) {
    monitor.register(loop.name(), loop.interval());
    executor.scheduleWithFixedDelay(guarded(loop.name(), loop.interval(), loop.work(), monitor), 0,
        loop.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One run of a loop that can never end the loop: whatever it throws, Errors included, is logged and the
   * next run comes at the usual time (an exception escaping {@code scheduleWithFixedDelay} would cancel
   * every later run without a word). A run that never returns stops the heartbeats instead, and readiness
   * reports the loop stalled.
   */
  static Runnable guarded(String name, Duration interval, Runnable work, LoopMonitor monitor) {
    return () -> {
      monitor.alive(name);
      try {
        work.run();
        monitor.succeeded(name);
      } catch (Throwable e) {
        LOG.error("{} failed; it runs again in {}", name, interval, e);
      }
    };
  }

  private Runnable drain(String name, IntSupplier batch) {
    return () -> {
      while (!workers.isShutdown() && batch.getAsInt() > 0) {
        monitor.alive(name);
      }
    };
  }

  /**
   * Stops gracefully: no more claims, and claimed work no worker started goes back to the queue at
   * once; work under way (a label purchase, a tracking run) may finish and record its result within
   * the shutdown grace, its lease renewed meanwhile. Whatever still runs after that is interrupted:
   * its lease runs out and another instance resumes it (reconciling any label bought meanwhile).
   */
  @Override
  public void close() {
    int handedBack = leases.stopClaiming();
    workers.shutdown();
    Duration grace = schedule.shutdownGrace();
    LOG.info("stopping background work: {} claimed task(s) handed back, up to {} for {} running", handedBack, grace,
        leases.runningCount());
    if (!awaitTermination(workers, grace)) {
      LOG.warn("{} task(s) still running after the shutdown grace of {}; interrupting them: their leases run out "
          + "and another instance resumes them", leases.runningCount(), grace);
      workers.shutdownNow();
      awaitTermination(workers, AFTER_INTERRUPT);
    }
    renewal.shutdownNow();
    awaitTermination(renewal, AFTER_INTERRUPT);
  }

  private static boolean awaitTermination(ExecutorService executor, Duration patience) {
    try {
      return executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(false);
      return thread;
    };
  }
}

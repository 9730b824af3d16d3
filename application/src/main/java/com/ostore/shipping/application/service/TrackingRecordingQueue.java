package com.ostore.shipping.application.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a tracking run's orders on a thread of its own while the run goes on asking the carriers:
 * each order is handed over as soon as the last of its numbers is answered, and the recording thread
 * takes whatever has piled up since its last transaction, up to {@code maxGroup} orders, as its next
 * group. Groups are thus small while recording keeps up and grow (bounded) when it falls behind.
 */
final class TrackingRecordingQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingRecordingQueue.class);

  private final BlockingQueue<List<HeldClaim>> ready = new LinkedBlockingQueue<>();
  private final ExecutorService thread;
  private final Future<?> recording;

  /** {@code recordGroup} records one group and deals with its failures itself. */
  TrackingRecordingQueue(int maxGroup, Consumer<List<HeldClaim>> recordGroup) {
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "tracking-recorder");
      t.setDaemon(true);
      return t;
    });
    this.recording = thread.submit(() -> drain(maxGroup, recordGroup));
  }

  /** Hands over orders whose numbers have all been answered (reports already in the run's map). */
  void add(Collection<HeldClaim> claims) {
    if (!claims.isEmpty()) {
      ready.add(List.copyOf(claims));
    }
  }

  private void drain(int maxGroup, Consumer<List<HeldClaim>> recordGroup) {
    List<HeldClaim> group = new ArrayList<>();
    boolean ended = false;
    while (!ended) {
      List<List<HeldClaim>> batches = new ArrayList<>();
      try {
        batches.add(ready.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      ready.drainTo(batches);
      for (List<HeldClaim> batch : batches) {
        if (batch.isEmpty()) {
          ended = true;
          continue;
        }
        for (HeldClaim claim : batch) {
          group.add(claim);
          if (group.size() == maxGroup) {
            recordGroup.accept(List.copyOf(group));
            group.clear();
          }
        }
      }
      if (!group.isEmpty()) {
        recordGroup.accept(List.copyOf(group));
        group.clear();
      }
    }
  }

  /** Waits until every order handed over is recorded (or the wait is interrupted: then it stops recording). */
  @Override
  public void close() {
    ready.add(List.of());
    try {
      recording.get();
    } catch (InterruptedException e) {
      LOG.warn("interrupted while the tracking run's results were recorded; the rest is left to lease expiry");
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.error("recording the tracking run's results failed", e.getCause());
    } finally {
      thread.shutdown();
    }
  }
}

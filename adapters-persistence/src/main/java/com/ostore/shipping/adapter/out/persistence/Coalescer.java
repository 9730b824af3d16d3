package com.ostore.shipping.adapter.out.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs the work of concurrent callers together, so that what a statement and a commit cost the database
 * (and a round trip costs both sides) is paid once for several requests. Batching is natural: there is
 * no timer and an idle caller never waits; a caller that finds nothing in flight runs at once (alone, or
 * with whoever queued before it). While a batch runs, a further one starts beside it only once
 * {@code overlapAt} callers queue: a statement costs the database about as much for one create as for
 * four, so a caller does better to wait for the running batch and share the next. Callers that
 * queue are handed to one of their own when a batch ends, up to {@code maxBatch} of them, and that caller
 * runs the batch on its own thread.
 * Each caller returns only once its own outcome is known, with that outcome: the batch function gives
 * one per input.
 *
 * <p>Inputs may name a <em>conflict key</em> (an idempotency key, say): two inputs with the same key are
 * never in flight at once, the later waits for the batch of the earlier to end, so they behave as they
 * would one after the other.
 *
 * @param <I> what one caller asks
 * @param <R> what one caller is answered
 */
final class Coalescer<I, R> {
  /** The batch function's answer for one input: a value, or the exception that caller is to see. */
  record Outcome<R>(R value, RuntimeException failure) {
    static <R> Outcome<R> of(R value) {
      return new Outcome<>(value, null);
    }

    static <R> Outcome<R> failed(RuntimeException failure) {
      return new Outcome<>(null, Objects.requireNonNull(failure, "failure"));
    }
  }

  private final int maxBatch;
  private final int maxInFlight;
  private final int overlapAt;
  private final Function<List<I>, List<Outcome<R>>> runBatch;
  private final Function<I, Object> conflictKey;

  private final Object lock = new Object();
  private final ArrayDeque<Member<I, R>> queued = new ArrayDeque<>();
  private final Set<Object> keysInFlight = new HashSet<>();
  private int inFlight;

  /**
   * @param maxBatch at most this many callers' inputs in one batch
   * @param maxInFlight at most this many batches running at once (each holds a connection)
   * @param runBatch answers a batch, one outcome per input in the order given; may throw, then every
   *     caller of the batch sees that exception
   * @param conflictKey an input's conflict key, or null when it has none
   */
  Coalescer(int maxBatch, int maxInFlight, Function<List<I>, List<Outcome<R>>> runBatch,
      Function<I, Object> conflictKey) {
    this(maxBatch, maxInFlight, 1, runBatch, conflictKey);
  }

  /**
   * As {@link #Coalescer(int, int, Function, Function)}, and while a batch is in flight a further one starts
   * only once at least {@code overlapAt} callers queue (1: as soon as any does).
   */
  Coalescer(int maxBatch, int maxInFlight, int overlapAt, Function<List<I>, List<Outcome<R>>> runBatch,
      Function<I, Object> conflictKey) {
    if (maxBatch < 1 || maxInFlight < 1 || overlapAt < 1) {
      throw new IllegalArgumentException("maxBatch, maxInFlight and overlapAt must be at least 1");
    }
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.overlapAt = overlapAt;
    this.runBatch = Objects.requireNonNull(runBatch, "runBatch");
    this.conflictKey = Objects.requireNonNull(conflictKey, "conflictKey");
  }

  /** Runs {@code input} in a batch and returns its outcome, or throws its failure, on the caller's thread. */
  R submit(I input) {
    Member<I, R> self = new Member<>(input, conflictKey.apply(input));
    List<Member<I, R>> toRun;
    synchronized (lock) {
      queued.addLast(self);
      toRun = nextBatchFor(self);
    }
    if (toRun == null && self.wake.join() == Lead.INSTANCE) {
      toRun = self.lead;
    }
    if (toRun != null) {
      run(toRun); // a batch is always led by one of its members, so this caller's outcome is now known
    }
    Outcome<R> outcome = self.outcome;
    if (outcome == null) {
      throw new IllegalStateException("no outcome after the batch ran");
    }
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.value();
  }

  /**
   * Under the lock: takes the next batch off the queue if a slot is free; returns it if {@code self} is in
   * it (the caller then runs it), otherwise hands it to its first member and returns null.
   */
  private List<Member<I, R>> nextBatchFor(Member<I, R> self) {
    List<Member<I, R>> mine = null;
    while (inFlight < maxInFlight) {
      if (inFlight > 0 && queued.size() < overlapAt) {
        break;
      }
      List<Member<I, R>> batch = takeBatch();
      if (batch.isEmpty()) {
        break;
      }
      inFlight++;
      if (batch.contains(self)) {
        mine = batch;
      } else {
        batch.get(0).lead = batch;
        batch.get(0).wake.complete(Lead.INSTANCE);
      }
    }
    return mine;
  }

  private List<Member<I, R>> takeBatch() {
    List<Member<I, R>> batch = new ArrayList<>(Math.min(maxBatch, queued.size()));
    Iterator<Member<I, R>> it = queued.iterator();
    while (it.hasNext() && batch.size() < maxBatch) {
      Member<I, R> member = it.next();
      if (member.key != null && !keysInFlight.add(member.key)) {
        continue; // its key is in flight: it waits for that batch to end
      }
      it.remove();
      batch.add(member);
    }
    return batch;
  }

  private void run(List<Member<I, R>> batch) {
    List<Outcome<R>> outcomes;
    try {
      List<I> inputs = new ArrayList<>(batch.size());
      batch.forEach(m -> inputs.add(m.input));
      outcomes = runBatch.apply(inputs);
      if (outcomes.size() != batch.size()) {
        throw new IllegalStateException(outcomes.size() + " outcomes for a batch of " + batch.size());
      }
    } catch (RuntimeException | Error e) {
      RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      outcomes = batch.stream().map(m -> Outcome.<R>failed(failure)).toList();
    } finally {
      synchronized (lock) {
        inFlight--;
        batch.forEach(m -> {
          if (m.key != null) {
            keysInFlight.remove(m.key);
          }
        });
        nextBatchFor(null);
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Member<I, R> member = batch.get(i);
      member.outcome = outcomes.get(i);
      member.wake.complete(member.outcome); // the leader's wake holds Lead already; it reads its outcome itself
    }
  }

  /** How many callers wait in the queue (not yet in a running batch); for tests. */
  int queuedCount() {
    synchronized (lock) {
      return queued.size();
    }
  }

  private enum Lead { INSTANCE }

  private static final class Member<I, R> {
    final I input;
    final Object key;
    /** Completed with {@link Lead} when this caller is to run {@link #lead}, else with its {@link Outcome}. */
    final CompletableFuture<Object> wake = new CompletableFuture<>();
    volatile List<Member<I, R>> lead;
    volatile Outcome<R> outcome;

    Member(I input, Object key) {
      this.input = input;
      this.key = key;
    }
  }
}

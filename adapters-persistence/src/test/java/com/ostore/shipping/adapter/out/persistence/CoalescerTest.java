package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.adapter.out.persistence.Coalescer.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How concurrent callers are put together in batches, with a batch function that records what it was given. */
class CoalescerTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
  private final List<String> batchThreads = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
  private final CountDownLatch firstBatchStarted = new CountDownLatch(1);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  /** Answers each input times ten; the first batch waits until the test lets it end. */
  private List<Outcome<Integer>> timesTen(List<Integer> inputs) {
    holdTheFirstBatch(inputs);
    return inputs.stream().map(i -> Outcome.of(i * 10)).toList();
  }

  private void holdTheFirstBatch(List<Integer> inputs) {
    boolean first;
    synchronized (batches) {
      first = batches.isEmpty();
      batches.add(List.copyOf(inputs));
      batchThreads.add(Thread.currentThread().getName());
    }
    if (first) {
      firstBatchStarted.countDown();
      try {
        firstBatchMayEnd.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Coalescer<Integer, Integer> coalescer(int maxBatch, int maxInFlight,
      Function<List<Integer>, List<Outcome<Integer>>> run, Function<Integer, Object> key) {
    return new Coalescer<>(maxBatch, maxInFlight, run, key);
  }

  @Test
  void aCallerThatFindsNothingInFlightRunsAtOnce_aloneAndOnItsOwnThread() {
    firstBatchMayEnd.countDown();
    Coalescer<Integer, Integer> coalescer = coalescer(8, 1, this::timesTen, i -> null);

    assertThat(coalescer.submit(7)).isEqualTo(70);

    assertThat(batches).containsExactly(List.of(7));
    assertThat(batchThreads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void callersArrivingWhileABatchRuns_goTogetherInTheNext_eachWithItsOwnAnswer() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(8, 1, this::timesTen, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 2; i <= 4; i++) {
      int input = i;
      later.add(callers.submit(() -> coalescer.submit(input)));
    }
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 3);

    firstBatchMayEnd.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
    for (int i = 0; i < later.size(); i++) {
      assertThat(later.get(i).get(30, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
    }
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
  }

  @Test
  void aBatchHoldsAtMostMaxBatchCallers_theRestGoInTheBatchAfter() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(2, 1, this::timesTen, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 2; i <= 4; i++) {
      int input = i;
      later.add(callers.submit(() -> coalescer.submit(input)));
    }
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 3);

    firstBatchMayEnd.countDown();

    first.get(30, TimeUnit.SECONDS);
    for (Future<Integer> answer : later) {
      answer.get(30, TimeUnit.SECONDS);
    }
    assertThat(batches).extracting(List::size).containsExactly(1, 2, 1);
  }

  @Test
  void withTwoBatchesInFlight_aSecondCallerRunsAtOnceBesideTheFirst() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(8, 2, this::timesTen, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);

    assertThat(coalescer.submit(2)).as("runs while the first batch is still held").isEqualTo(20);

    firstBatchMayEnd.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
    assertThat(batches).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void withABatchInFlight_aFurtherOneStartsOnlyOnceOverlapAtCallersQueue() throws Exception {
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(8, 2, 3, this::timesTen, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    List<Future<Integer>> waiting = new ArrayList<>();
    for (int i = 2; i <= 3; i++) {
      int input = i;
      waiting.add(callers.submit(() -> coalescer.submit(input)));
    }
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 2);
    assertThat(batches).as("two waiting, below overlapAt: no statement beside the first").hasSize(1);

    assertThat(coalescer.submit(4)).as("the third makes overlapAt: they run beside the held first batch")
        .isEqualTo(40);

    assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
    for (int i = 0; i < waiting.size(); i++) {
      assertThat(waiting.get(i).get(30, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
    }
    firstBatchMayEnd.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
  }

  @Test
  void callersWaitingBelowOverlapAt_goInTheNextBatchWhenTheRunningOneEnds() throws Exception {
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(8, 2, 4, this::timesTen, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    Future<Integer> second = callers.submit(() -> coalescer.submit(2));
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 1);

    firstBatchMayEnd.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(20);
    assertThat(batches).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void twoCallersWithOneConflictKey_neverShareABatch_theLaterRunsAfterTheEarlierEnded() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(8, 2, this::timesTen, i -> i % 2 == 0 ? "same key" : null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(2));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    Future<Integer> sameKey = callers.submit(() -> coalescer.submit(4));
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 1);

    assertThat(coalescer.submit(3)).as("a free slot, but not for the key in flight").isEqualTo(30);
    assertThat(coalescer.queuedCount()).isEqualTo(1);

    firstBatchMayEnd.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(20);
    assertThat(sameKey.get(30, TimeUnit.SECONDS)).isEqualTo(40);
    assertThat(batches).containsExactly(List.of(2), List.of(3), List.of(4));
  }

  @Test
  void eachCallerGetsItsOwnOutcome_aFailedOneFailsOnlyItsCaller() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(8, 1, inputs -> {
      holdTheFirstBatch(inputs);
      return inputs.stream().map(i -> i == 3 ? Outcome.<Integer>failed(new IllegalArgumentException("bad " + i))
          : Outcome.of(i * 10)).toList();
    }, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    Future<Integer> good = callers.submit(() -> coalescer.submit(2));
    Future<Integer> bad = callers.submit(() -> coalescer.submit(3));
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 2);

    firstBatchMayEnd.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
    assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo(20);
    assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad 3");
    assertThat(batches).hasSize(2);
  }

  @Test
  void whenTheBatchItselfThrows_everyCallerOfItSeesThatFailure_andTheNextBatchStillRuns() throws Exception {
    Coalescer<Integer, Integer> coalescer = coalescer(8, 1, inputs -> {
      holdTheFirstBatch(inputs);
      if (inputs.contains(2)) {
        throw new IllegalStateException("database unreachable");
      }
      return inputs.stream().map(i -> Outcome.of(i * 10)).toList();
    }, i -> null);
    Future<Integer> first = callers.submit(() -> coalescer.submit(1));
    firstBatchStarted.await(30, TimeUnit.SECONDS);
    Future<Integer> second = callers.submit(() -> coalescer.submit(2));
    Future<Integer> third = callers.submit(() -> coalescer.submit(3));
    await().atMost(30, TimeUnit.SECONDS).until(() -> coalescer.queuedCount() == 2);

    firstBatchMayEnd.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause().hasMessage("database unreachable");
    assertThatThrownBy(() -> third.get(30, TimeUnit.SECONDS)).cause().hasMessage("database unreachable");
    assertThat(coalescer.submit(5)).isEqualTo(50);
  }
}

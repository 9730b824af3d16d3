package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskQueueIT extends DatabaseTestSupport {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Set<TaskKind> ALL = Set.of(TaskKind.values());

  private final TaskQueue queue = module.taskQueue();

  @BeforeEach
  void emptyTheQueue() throws SQLException {
    executeSql("DELETE FROM tasks");
  }

  @Test
  void givenTheSameWorkIsAlreadyWaiting_whenEnqueuedAgain_thenNothingIsAdded() {
    assertThat(queue.enqueue(TaskKind.TRACK_ORDER, 123, T0, T0)).isTrue();
    assertThat(queue.enqueue(TaskKind.TRACK_ORDER, 123, T0.plusSeconds(60), T0)).isFalse();
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 123, T0, T0)).isTrue();

    assertThat(queue.countActive()).containsEntry(TaskKind.TRACK_ORDER, 1L).containsEntry(TaskKind.CREATE_LABELS, 1L);
  }

  @Test
  void givenFinishedWork_whenTheSameWorkIsEnqueuedAgain_thenItIsAdded() {
    queue.enqueue(TaskKind.CREATE_LABELS, 7, T0, T0);
    Claim claim = queue.claim(ALL, 1, "w1", T0, LEASE).get(0);
    queue.complete(claim, T0);

    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 7, T0.plusSeconds(10), T0.plusSeconds(10))).isTrue();
  }

  @Test
  void onlyDueWorkOfTheAskedKindsIsClaimedOldestFirst() {
    queue.enqueue(TaskKind.TRACK_ORDER, 2, T0.plusSeconds(30), T0);
    queue.enqueue(TaskKind.TRACK_ORDER, 1, T0.plusSeconds(10), T0);
    queue.enqueue(TaskKind.TRACK_ORDER, 3, T0.plusSeconds(3600), T0);
    queue.enqueue(TaskKind.CREATE_LABELS, 4, T0, T0);

    List<Task> claimed = tasks(queue.claim(Set.of(TaskKind.TRACK_ORDER), 10, "w1", T0.plusSeconds(60), LEASE));

    assertThat(claimed).extracting(Task::subjectId).containsExactly(1L, 2L);
    assertThat(claimed).allSatisfy(t -> assertThat(t.attempts()).isEqualTo(1));
    assertThat(queue.claim(Set.of(TaskKind.TRACK_ORDER), 10, "w2", T0.plusSeconds(60), LEASE)).isEmpty();
  }

  @Test
  void twoWorkersClaimingAtOnceNeverGetTheSameTask() throws Exception {
    for (long subject = 1; subject <= 40; subject++) {
      queue.enqueue(TaskKind.CREATE_LABELS, subject, T0, T0);
    }
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (String worker : List.of("w1", "w2")) {
        results.add(workers.submit(claimAllInSmallBatches(worker)));
      }
      List<Long> first = results.get(0).get();
      List<Long> second = results.get(1).get();

      assertThat(first).doesNotContainAnyElementsOf(second);
      assertThat(first.size() + second.size()).isEqualTo(40);
    } finally {
      workers.shutdownNow();
    }
  }

  private Callable<List<Long>> claimAllInSmallBatches(String worker) {
    return () -> {
      List<Long> ids = new ArrayList<>();
      List<Claim> batch;
      do {
        batch = queue.claim(ALL, 3, worker, T0.plusSeconds(1), LEASE);
        batch.forEach(claim -> ids.add(claim.taskId()));
      } while (!batch.isEmpty());
      return ids;
    };
  }

  @Test
  void givenAWorkerDiedHoldingATask_whenItsLeaseRunsOut_thenAnotherWorkerTakesItAndTheOldOneCannotFinishIt()
      throws SQLException {
    queue.enqueue(TaskKind.CREATE_LABELS, 9, T0, T0);
    Claim first = queue.claim(ALL, 1, "dead-worker", T0, LEASE).get(0);

    assertThat(queue.claim(ALL, 1, "w2", T0.plus(Duration.ofDays(1)), LEASE)).as("the lease still runs").isEmpty();
    leasesRunOut();
    List<Claim> reclaimed = queue.claim(ALL, 1, "w2", T0, LEASE);

    assertThat(reclaimed).singleElement().satisfies(claim -> {
      assertThat(claim.taskId()).isEqualTo(first.taskId());
      assertThat(claim.task().attempts()).isEqualTo(2);
      assertThat(claim.token()).isNotEqualTo(first.token());
    });
    Claim second = reclaimed.get(0);
    assertThat(queue.complete(first, T0)).isFalse();
    assertThat(queue.renewLease(first, LEASE)).isFalse();
    assertThat(queue.isHeld(first)).isFalse();
    assertThat(queue.renewLease(second, LEASE)).isTrue();
    assertThat(queue.complete(second, T0)).isTrue();
    assertThat(queue.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }

  @Test
  void givenTheSameOwnerClaimsATaskAgain_whenItsEarlierClaimTriesToFinish_thenOnlyTheLatestClaimCounts()
      throws SQLException {
    queue.enqueue(TaskKind.CREATE_LABELS, 10, T0, T0);
    Claim earlier = queue.claim(ALL, 1, "instance-1", T0, LEASE).get(0);
    leasesRunOut();
    Claim later = queue.claim(ALL, 1, "instance-1", T0, LEASE).get(0);

    assertThat(queue.complete(earlier, T0)).isFalse();
    assertThat(queue.retryLater(earlier, T0, "late", null, T0)).isFalse();
    assertThat(queue.abandon(earlier, "late", T0)).isFalse();
    assertThat(queue.handBack(earlier, T0)).isFalse();
    assertThat(queue.complete(later, T0)).isTrue();
  }

  @Test
  void aRenewedLeaseRunsFromTheDatabasesClockAndTheRenewalIsRefusedOnceAnotherClaimTookOver() throws SQLException {
    queue.enqueue(TaskKind.CREATE_LABELS, 11, T0, T0);
    Claim claim = queue.claim(ALL, 1, "w1", T0, Duration.ofSeconds(1)).get(0);

    assertThat(queue.renewLease(claim, Duration.ofHours(2))).isTrue();

    assertThat(leaseSecondsLeft(11)).isBetween(7000L, 7200L);
    leasesRunOut();
    queue.claim(ALL, 1, "w2", T0, LEASE);
    assertThat(queue.renewLease(claim, LEASE)).isFalse();
  }

  @Test
  void claimedWorkHandedBackIsDueAgainAtOnceWithoutCountingAnAttempt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 12, T0, T0);
    Claim claim = queue.claim(ALL, 1, "stopping", T0, LEASE).get(0);

    assertThat(queue.handBack(claim, T0.plusSeconds(1))).isTrue();

    assertThat(queue.claim(ALL, 1, "w2", T0, LEASE)).singleElement()
        .satisfies(again -> assertThat(again.task().attempts()).isEqualTo(1));
  }

  @Test
  void givenAClaimHeldInsideATransaction_thenNoOtherClaimCanTakeTheTaskUntilItEnds() throws SQLException {
    queue.enqueue(TaskKind.CREATE_LABELS, 13, T0, T0);
    Claim claim = queue.claim(ALL, 1, "w1", T0, LEASE).get(0);
    leasesRunOut();

    List<Claim> meanwhile = module.transactions().inTransaction(() -> {
      assertThat(queue.isHeld(claim)).isTrue();
      return CompletableFuture.supplyAsync(() -> queue.claim(ALL, 1, "w2", T0, LEASE)).join();
    });

    assertThat(meanwhile).as("skipped while the holder's transaction runs").isEmpty();
    assertThat(queue.claim(ALL, 1, "w2", T0, LEASE)).hasSize(1);
  }

  @Test
  void givenAClaimerWhoseClockRunsAnHourFast_whenItClaims_thenItDoesNotTakeWorkHeldUnderALiveLease() {
    Instant now = Instant.now();
    queue.enqueue(TaskKind.CREATE_LABELS, 91, now, now);
    assertThat(queue.claim(ALL, 1, "w1", now, LEASE)).hasSize(1);

    assertThat(queue.claim(ALL, 1, "fast-clock", now.plus(Duration.ofHours(1)), LEASE)).isEmpty();
  }

  @Test
  void givenAClaimerWhoseClockRunsAnHourSlow_whenTheLeaseRanOutByTheDatabasesClock_thenItTakesTheWorkOver()
      throws SQLException {
    Instant now = Instant.now();
    queue.enqueue(TaskKind.CREATE_LABELS, 92, now, now);
    queue.claim(ALL, 1, "dead-worker", now, LEASE);
    executeSql("UPDATE tasks SET lease_until = now() - interval '1 second' WHERE subject_id = 92");

    assertThat(queue.claim(ALL, 1, "slow-clock", now.minus(Duration.ofHours(1)), LEASE)).hasSize(1);
  }

  @Test
  void aRetryKeepsWaitingForAcknowledgementWhileASuccessfulPeriodicRunStartsAfresh() {
    queue.enqueue(TaskKind.TRACK_ORDER, 55, T0, T0);
    queue.enqueue(TaskKind.CREATE_LABELS, 66, T0, T0);
    List<Claim> claimed = queue.claim(ALL, 2, "w1", T0, LEASE);
    Claim tracking = claimed.stream().filter(c -> c.task().kind() == TaskKind.TRACK_ORDER).findFirst().orElseThrow();
    Claim labels = claimed.stream().filter(c -> c.task().kind() == TaskKind.CREATE_LABELS).findFirst().orElseThrow();
    Instant nextDay = T0.plus(Duration.ofDays(1));

    assertThat(queue.completeAndReschedule(tracking, nextDay, T0.plusSeconds(5))).isTrue();
    assertThat(queue.retryLater(labels, T0.plusSeconds(120), "FedEx 503", null, T0.plusSeconds(5))).isTrue();

    List<Claim> retried = queue.claim(ALL, 5, "w1", T0.plusSeconds(120), LEASE);
    assertThat(tasks(retried)).singleElement().satisfies(t -> {
      assertThat(t.awaitingAckSince()).isEqualTo(T0);
      assertThat(t.lastError()).isEqualTo("FedEx 503");
      assertThat(t.attempts()).isEqualTo(2);
    });
    queue.complete(retried.get(0), T0.plusSeconds(130));
    List<Task> nextRun = tasks(queue.claim(ALL, 5, "w1", nextDay, LEASE));
    assertThat(nextRun).singleElement().satisfies(t -> {
      assertThat(t.awaitingAckSince()).isEqualTo(nextDay);
      assertThat(t.attempts()).isEqualTo(1);
      assertThat(t.lastError()).isNull();
    });
  }

  @Test
  void staleWorkIsReportedOncePerCauseWithItsOldestTaskAndHowManyItHoldsUp() {
    for (long shipment = 71; shipment <= 74; shipment++) {
      queue.enqueue(TaskKind.CREATE_LABELS, shipment, T0.plusSeconds(shipment), T0);
    }
    queue.enqueue(TaskKind.CREATE_LABELS, 75, T0.plus(Duration.ofHours(20)), T0);
    List<Claim> claimed = queue.claim(ALL, 4, "w1", T0.plusSeconds(80), LEASE);
    Instant retryAt = T0.plusSeconds(90);
    claimed.subList(1, 4).forEach(claim -> queue.retryLater(claim, retryAt, "FedEx 503", "fedex-down", T0));
    Instant dayAgo = T0.plus(Duration.ofHours(25)).minus(Duration.ofDays(1));

    List<StaleWork> stale = queue.staleWork(dayAgo, 10);

    String firstKey = claimed.get(0).task().alertKey();
    assertThat(stale).extracting(StaleWork::cause, work -> work.oldest().subjectId(), StaleWork::tasks)
        .containsExactly(tuple(firstKey, 71L, 1), tuple("fedex-down", 72L, 3));
    Claim again = queue.claim(ALL, 1, "w1", retryAt, LEASE).get(0);
    assertThat(again.task().subjectId()).isEqualTo(72L);
    queue.retryLater(again, retryAt.plusSeconds(60), "timed out", null, retryAt);
    assertThat(queue.staleWork(dayAgo, 1)).extracting(StaleWork::cause).containsExactly(firstKey);
    assertThat(queue.staleWork(dayAgo, 10)).extracting(StaleWork::tasks).containsExactly(1, 1, 2);
  }

  @Test
  void abandonedWorkStopsAndOnlyTheLeaseHolderMayAbandonIt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 81, T0, T0);
    Claim claim = queue.claim(ALL, 1, "w1", T0, LEASE).get(0);

    assertThat(queue.abandon(new Claim(claim.task(), "w2", claim.token()), "not mine", T0)).isFalse();
    assertThat(queue.abandon(claim, "address rejected by FedEx", T0)).isTrue();

    assertThat(queue.claim(ALL, 1, "w1", T0.plus(Duration.ofDays(2)), LEASE)).isEmpty();
    assertThat(queue.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }

  @Test
  void givenOneClaimOfAGroupWasSuperseded_thenOnlyTheOthersStillHoldAndOnlyTheyAreAcknowledgedTogether()
      throws SQLException {
    for (long order = 21; order <= 23; order++) {
      queue.enqueue(TaskKind.TRACK_ORDER, order, T0, T0);
    }
    List<Claim> mine = queue.claim(ALL, 3, "w1", T0, LEASE);
    Claim superseded = mine.get(1);
    executeSql("UPDATE tasks SET lease_until = now() - interval '1 second' WHERE id = " + superseded.taskId());
    Claim theirs = queue.claim(ALL, 1, "w2", T0, LEASE).get(0);
    Instant tomorrow = T0.plus(Duration.ofDays(1));
    Map<Claim, Instant> nextRuns = new LinkedHashMap<>();
    mine.forEach(claim -> nextRuns.put(claim, tomorrow));

    List<Claim> held = queue.stillHeld(mine);
    int acknowledged = queue.completeAndRescheduleAll(nextRuns, T0);

    assertThat(held).containsExactly(mine.get(0), mine.get(2));
    assertThat(acknowledged).isEqualTo(2);
    assertThat(queue.isHeld(theirs)).as("the superseding claim is left alone").isTrue();
    assertThat(queue.claim(ALL, 5, "w3", tomorrow, LEASE)).extracting(claim -> claim.task().subjectId())
        .containsExactlyInAnyOrder(21L, 23L);
  }

  private static List<Task> tasks(List<Claim> claims) {
    return claims.stream().map(Claim::task).toList();
  }

  /** Moves every lease's end into the past, as the database's clock passing it would. */
  private static void leasesRunOut() throws SQLException {
    executeSql("UPDATE tasks SET lease_until = now() - interval '1 second' WHERE state = 'running'");
  }

  private static long leaseSecondsLeft(long subjectId) throws SQLException {
    return queryLong("SELECT extract(epoch FROM lease_until - now())::bigint FROM tasks WHERE subject_id = " + subjectId);
  }
}

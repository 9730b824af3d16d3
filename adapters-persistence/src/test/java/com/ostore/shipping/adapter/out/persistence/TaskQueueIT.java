package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
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
    Task task = queue.claim(ALL, 1, "w1", T0, LEASE).get(0);
    queue.complete(task.id(), "w1", T0);

    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 7, T0.plusSeconds(10), T0.plusSeconds(10))).isTrue();
  }

  @Test
  void onlyDueWorkOfTheAskedKindsIsClaimedOldestFirst() {
    queue.enqueue(TaskKind.TRACK_ORDER, 2, T0.plusSeconds(30), T0);
    queue.enqueue(TaskKind.TRACK_ORDER, 1, T0.plusSeconds(10), T0);
    queue.enqueue(TaskKind.TRACK_ORDER, 3, T0.plusSeconds(3600), T0);
    queue.enqueue(TaskKind.CREATE_LABELS, 4, T0, T0);

    List<Task> claimed = queue.claim(Set.of(TaskKind.TRACK_ORDER), 10, "w1", T0.plusSeconds(60), LEASE);

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
      List<Task> batch;
      do {
        batch = queue.claim(ALL, 3, worker, T0.plusSeconds(1), LEASE);
        batch.forEach(task -> ids.add(task.id()));
      } while (!batch.isEmpty());
      return ids;
    };
  }

  @Test
  void givenAWorkerDiedHoldingATask_whenItsLeaseRunsOut_thenAnotherWorkerTakesItAndTheOldOneCannotFinishIt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 9, T0, T0);
    Task first = queue.claim(ALL, 1, "dead-worker", T0, LEASE).get(0);

    assertThat(queue.claim(ALL, 1, "w2", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
    List<Task> reclaimed = queue.claim(ALL, 1, "w2", T0.plus(LEASE).plusSeconds(1), LEASE);

    assertThat(reclaimed).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo(first.id());
      assertThat(t.attempts()).isEqualTo(2);
    });
    Instant later = T0.plus(LEASE).plusSeconds(2);
    assertThat(queue.complete(first.id(), "dead-worker", later)).isFalse();
    assertThat(queue.renewLease(first.id(), "dead-worker", later, LEASE)).isFalse();
    assertThat(queue.renewLease(first.id(), "w2", later, LEASE)).isTrue();
    assertThat(queue.complete(first.id(), "w2", later)).isTrue();
    assertThat(queue.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }

  @Test
  void aRetryKeepsWaitingForAcknowledgementWhileASuccessfulPeriodicRunStartsAfresh() {
    queue.enqueue(TaskKind.TRACK_ORDER, 55, T0, T0);
    queue.enqueue(TaskKind.CREATE_LABELS, 66, T0, T0);
    List<Task> claimed = queue.claim(ALL, 2, "w1", T0, LEASE);
    Task tracking = claimed.stream().filter(t -> t.kind() == TaskKind.TRACK_ORDER).findFirst().orElseThrow();
    Task labels = claimed.stream().filter(t -> t.kind() == TaskKind.CREATE_LABELS).findFirst().orElseThrow();
    Instant nextDay = T0.plus(Duration.ofDays(1));

    assertThat(queue.completeAndReschedule(tracking.id(), "w1", nextDay, T0.plusSeconds(5))).isTrue();
    assertThat(queue.retryLater(labels.id(), "w1", T0.plusSeconds(120), "FedEx 503", T0.plusSeconds(5))).isTrue();

    List<Task> retried = queue.claim(ALL, 5, "w1", T0.plusSeconds(120), LEASE);
    assertThat(retried).singleElement().satisfies(t -> {
      assertThat(t.awaitingAckSince()).isEqualTo(T0);
      assertThat(t.lastError()).isEqualTo("FedEx 503");
      assertThat(t.attempts()).isEqualTo(2);
    });
    queue.complete(retried.get(0).id(), "w1", T0.plusSeconds(130));
    List<Task> nextRun = queue.claim(ALL, 5, "w1", nextDay, LEASE);
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
    List<Task> claimed = queue.claim(ALL, 4, "w1", T0.plusSeconds(80), LEASE);
    claimed.subList(1, 4).forEach(task -> queue.noteBlockedBy(task.id(), "fedex-down"));
    Instant dayAgo = T0.plus(Duration.ofHours(25)).minus(Duration.ofDays(1));

    List<StaleWork> stale = queue.staleWork(dayAgo, 10);

    assertThat(stale).extracting(StaleWork::cause, work -> work.oldest().subjectId(), StaleWork::tasks)
        .containsExactly(tuple(claimed.get(0).alertKey(), 71L, 1), tuple("fedex-down", 72L, 3));
    queue.noteBlockedBy(claimed.get(1).id(), null);
    assertThat(queue.staleWork(dayAgo, 1)).extracting(StaleWork::cause).containsExactly(claimed.get(0).alertKey());
    assertThat(queue.staleWork(dayAgo, 10)).extracting(StaleWork::tasks).containsExactly(1, 1, 2);
  }

  @Test
  void abandonedWorkStopsAndOnlyTheLeaseHolderMayAbandonIt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 81, T0, T0);
    Task task = queue.claim(ALL, 1, "w1", T0, LEASE).get(0);

    assertThat(queue.abandon(task.id(), "w2", "not mine", T0)).isFalse();
    assertThat(queue.abandon(task.id(), "w1", "address rejected by FedEx", T0)).isTrue();

    assertThat(queue.claim(ALL, 1, "w1", T0.plus(Duration.ofDays(2)), LEASE)).isEmpty();
    assertThat(queue.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }
}

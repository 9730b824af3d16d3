package com.ostore.shipping.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake keeps the promises of the TaskQueue Javadoc that the service tests rely on. */
class InMemoryTaskQueueTest {
  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Set<TaskKind> LABELS = Set.of(TaskKind.CREATE_LABELS);

  private final InMemoryTaskQueue queue = new InMemoryTaskQueue();

  @Test
  void theSameWorkForTheSameSubjectIsQueuedOnceWhileActive() {
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).isTrue();
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).isFalse();
    assertThat(queue.enqueue(TaskKind.TRACK_ORDER, 1, NOW, NOW)).isTrue();

    Task task = queue.claim(LABELS, 10, "w", NOW, LEASE).get(0);
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).as("still running").isFalse();
    queue.complete(task.id(), "w", NOW);
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).as("finished work may be queued again").isTrue();
    assertThat(queue.countActive()).isEqualTo(Map.of(TaskKind.CREATE_LABELS, 1L, TaskKind.TRACK_ORDER, 1L));
  }

  @Test
  void onlyDueWorkIsClaimedAndEveryClaimCountsAnAttempt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW.plusSeconds(60), NOW);

    assertThat(queue.claim(LABELS, 10, "w", NOW, LEASE)).isEmpty();
    List<Task> claimed = queue.claim(LABELS, 10, "w", NOW.plusSeconds(60), LEASE);

    assertThat(claimed).singleElement().satisfies(t -> {
      assertThat(t.attempts()).isEqualTo(1);
      assertThat(t.awaitingAckSince()).isEqualTo(NOW.plusSeconds(60));
      assertThat(t.enqueuedAt()).isEqualTo(NOW);
    });
  }

  @Test
  void leasedWorkIsClaimedAgainOnlyAfterItsLeaseRanOutAndThenTheOldWorkerLosesIt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    Task first = queue.claim(LABELS, 10, "dead", NOW, LEASE).get(0);

    assertThat(queue.claim(LABELS, 10, "live", NOW.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
    Task second = queue.claim(LABELS, 10, "live", NOW.plus(LEASE), LEASE).get(0);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(queue.renewLease(first.id(), "dead", NOW.plus(LEASE), LEASE)).isFalse();
    assertThat(queue.complete(first.id(), "dead", NOW.plus(LEASE))).isFalse();
    assertThat(queue.retryLater(first.id(), "dead", NOW, "x", NOW)).isFalse();
    assertThat(queue.abandon(first.id(), "dead", "x", NOW)).isFalse();
    assertThat(queue.renewLease(second.id(), "live", NOW.plus(LEASE), LEASE)).isTrue();
    assertThat(queue.complete(second.id(), "live", NOW.plus(LEASE))).isTrue();
  }

  @Test
  void aRetryStaysUnacknowledgedWhileAPeriodicRunIsAwaitedAgainFromItsNextTime() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    queue.enqueue(TaskKind.TRACK_ORDER, 2, NOW, NOW);
    List<Task> claimed = queue.claim(Set.of(TaskKind.values()), 10, "w", NOW, LEASE);
    Instant later = NOW.plus(Duration.ofHours(1));

    queue.retryLater(claimed.get(0).id(), "w", later, "503", NOW);
    queue.completeAndReschedule(claimed.get(1).id(), "w", later, NOW);

    assertThat(queue.get(TaskKind.CREATE_LABELS, 1).awaitingAckSince()).isEqualTo(NOW);
    assertThat(queue.get(TaskKind.CREATE_LABELS, 1).lastError()).isEqualTo("503");
    assertThat(queue.get(TaskKind.TRACK_ORDER, 2).awaitingAckSince()).isEqualTo(later);
    assertThat(queue.staleWork(NOW.plusSeconds(1), 10)).extracting(stale -> stale.oldest().kind())
        .containsExactly(TaskKind.CREATE_LABELS);
  }

  @Test
  void staleWorkHeldUpByOneCauseIsReportedOnceWithItsOldestTaskAndItsCount() {
    for (long shipment = 1; shipment <= 3; shipment++) {
      queue.enqueue(TaskKind.CREATE_LABELS, shipment, NOW.plusSeconds(shipment), NOW);
    }
    queue.enqueue(TaskKind.TRACK_ORDER, 9, NOW, NOW);
    List<Task> claimed = queue.claim(LABELS, 10, "w", NOW.plusSeconds(5), LEASE);
    claimed.forEach(task -> queue.noteBlockedBy(task.id(), "fedex-down"));
    queue.noteBlockedBy(claimed.get(2).id(), null);

    List<StaleWork> stale = queue.staleWork(NOW.plus(Duration.ofDays(1)), 10);

    assertThat(stale).extracting(StaleWork::cause, work -> work.oldest().subjectId(), StaleWork::tasks)
        .containsExactly(tuple(queue.get(TaskKind.TRACK_ORDER, 9).toTask().alertKey(), 9L, 1),
            tuple("fedex-down", 1L, 2), tuple(claimed.get(2).alertKey(), 3L, 1));
  }

  @Test
  void abandonedAndFinishedWorkIsNeitherClaimedNorReported() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    queue.enqueue(TaskKind.CREATE_LABELS, 2, NOW, NOW);
    List<Task> claimed = queue.claim(LABELS, 10, "w", NOW, LEASE);

    queue.abandon(claimed.get(0).id(), "w", "refused", NOW);
    queue.complete(claimed.get(1).id(), "w", NOW);

    Instant muchLater = NOW.plus(Duration.ofDays(30));
    assertThat(queue.claim(LABELS, 10, "w", muchLater, LEASE)).isEmpty();
    assertThat(queue.staleWork(muchLater, 10)).isEmpty();
    assertThat(queue.countActive()).isEmpty();
  }
}

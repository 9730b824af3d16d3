package com.ostore.shipping.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.testing.MutableClock;
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

  private final MutableClock databaseClock = new MutableClock(NOW);
  private final InMemoryTaskQueue queue = new InMemoryTaskQueue(databaseClock);

  @Test
  void theSameWorkForTheSameSubjectIsQueuedOnceWhileActive() {
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).isTrue();
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).isFalse();
    assertThat(queue.enqueue(TaskKind.TRACK_ORDER, 1, NOW, NOW)).isTrue();

    Claim claim = queue.claim(LABELS, 10, "w", NOW, LEASE).get(0);
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).as("still running").isFalse();
    queue.complete(claim, NOW);
    assertThat(queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW)).as("finished work may be queued again").isTrue();
    assertThat(queue.countActive()).isEqualTo(Map.of(TaskKind.CREATE_LABELS, 1L, TaskKind.TRACK_ORDER, 1L));
  }

  @Test
  void onlyDueWorkIsClaimedAndEveryClaimCountsAnAttempt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW.plusSeconds(60), NOW);

    assertThat(queue.claim(LABELS, 10, "w", NOW, LEASE)).isEmpty();
    List<Task> claimed = tasks(queue.claim(LABELS, 10, "w", NOW.plusSeconds(60), LEASE));

    assertThat(claimed).singleElement().satisfies(t -> {
      assertThat(t.attempts()).isEqualTo(1);
      assertThat(t.awaitingAckSince()).isEqualTo(NOW.plusSeconds(60));
      assertThat(t.enqueuedAt()).isEqualTo(NOW);
    });
  }

  @Test
  void leasedWorkIsClaimedAgainOnlyAfterItsLeaseRanOutByTheDatabasesClockAndThenTheOldClaimLosesIt() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    Claim first = queue.claim(LABELS, 10, "dead", NOW, LEASE).get(0);

    databaseClock.advance(LEASE.minusMillis(1));
    assertThat(queue.claim(LABELS, 10, "live", NOW.plus(Duration.ofDays(1)), LEASE)).as("a fast claimer").isEmpty();
    databaseClock.advance(Duration.ofMillis(1));
    Claim second = queue.claim(LABELS, 10, "live", NOW, LEASE).get(0);

    assertThat(second.taskId()).isEqualTo(first.taskId());
    assertThat(second.task().attempts()).isEqualTo(2);
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(queue.renewLease(first, LEASE)).isFalse();
    assertThat(queue.isHeld(first)).isFalse();
    assertThat(queue.complete(first, NOW)).isFalse();
    assertThat(queue.retryLater(first, NOW, "x", null, NOW)).isFalse();
    assertThat(queue.abandon(first, "x", NOW)).isFalse();
    assertThat(queue.handBack(first, NOW)).isFalse();
    assertThat(queue.renewLease(second, LEASE)).isTrue();
    assertThat(queue.complete(second, NOW)).isTrue();
  }

  @Test
  void aClaimOfTheSameOwnerSupersedesItsEarlierClaim() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    Claim earlier = queue.claim(LABELS, 10, "instance-1", NOW, LEASE).get(0);
    databaseClock.advance(LEASE);
    Claim later = queue.claim(LABELS, 10, "instance-1", NOW, LEASE).get(0);

    assertThat(queue.complete(earlier, NOW)).isFalse();
    assertThat(queue.complete(later, NOW)).isTrue();
  }

  @Test
  void handedBackWorkIsDueAgainAtOnceWithoutCountingTheClaim() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    Claim claim = queue.claim(LABELS, 10, "stopping", NOW, LEASE).get(0);

    assertThat(queue.handBack(claim, NOW)).isTrue();

    assertThat(queue.claim(LABELS, 10, "w", NOW, LEASE)).singleElement()
        .satisfies(again -> assertThat(again.task().attempts()).isEqualTo(1));
  }

  @Test
  void aRetryStaysUnacknowledgedWhileAPeriodicRunIsAwaitedAgainFromItsNextTime() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    queue.enqueue(TaskKind.TRACK_ORDER, 2, NOW, NOW);
    List<Claim> claimed = queue.claim(Set.of(TaskKind.values()), 10, "w", NOW, LEASE);
    Instant later = NOW.plus(Duration.ofHours(1));

    queue.retryLater(claimed.get(0), later, "503", null, NOW);
    queue.completeAndReschedule(claimed.get(1), later, NOW);

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
    List<Claim> claimed = queue.claim(LABELS, 10, "w", NOW.plusSeconds(5), LEASE);
    claimed.forEach(claim -> queue.retryLater(claim, NOW.plusSeconds(60), "down",
        claim == claimed.get(2) ? null : "fedex-down", NOW));

    List<StaleWork> stale = queue.staleWork(NOW.plus(Duration.ofDays(1)), 10);

    assertThat(stale).extracting(StaleWork::cause, work -> work.oldest().subjectId(), StaleWork::tasks)
        .containsExactly(tuple(queue.get(TaskKind.TRACK_ORDER, 9).toTask().alertKey(), 9L, 1),
            tuple("fedex-down", 1L, 2), tuple(claimed.get(2).task().alertKey(), 3L, 1));
  }

  @Test
  void abandonedAndFinishedWorkIsNeitherClaimedNorReported() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, NOW, NOW);
    queue.enqueue(TaskKind.CREATE_LABELS, 2, NOW, NOW);
    List<Claim> claimed = queue.claim(LABELS, 10, "w", NOW, LEASE);

    queue.abandon(claimed.get(0), "refused", NOW);
    queue.complete(claimed.get(1), NOW);

    Instant muchLater = NOW.plus(Duration.ofDays(30));
    assertThat(queue.claim(LABELS, 10, "w", muchLater, LEASE)).isEmpty();
    assertThat(queue.staleWork(muchLater, 10)).isEmpty();
    assertThat(queue.countActive()).isEmpty();
  }

  private static List<Task> tasks(List<Claim> claims) {
    return claims.stream().map(Claim::task).toList();
  }
}

package com.ostore.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.testing.InMemoryTaskQueue;
import com.ostore.shipping.application.testing.StoredTask.State;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaseServiceTest {
  private static final Duration LEASE = Duration.ofMinutes(3);
  private static final Set<TaskKind> LABELS = Set.of(TaskKind.CREATE_LABELS);

  private final MutableClock clock = new MutableClock(ShipmentTestData.T0);
  private final InMemoryTaskQueue queue = new InMemoryTaskQueue(clock);
  private final AtomicBoolean databaseDown = new AtomicBoolean();
  private final AtomicLong elapsedNanos = new AtomicLong();
  private final LeaseService leases =
      new LeaseService(unreachableWhenDown(queue), "instance-1", LEASE, clock, elapsedNanos::get);

  @Test
  void givenRenewalsThatCannotReachTheQueue_whenAWholeLeasePassesWithoutOne_thenTheWorkIsToldToStop() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, clock.instant(), clock.instant());
    HeldClaim claim = leases.claim(LABELS, 10, clock.instant()).get(0);
    databaseDown.set(true);

    elapsedNanos.addAndGet(LEASE.dividedBy(3).toNanos());
    leases.renewLeases();
    elapsedNanos.addAndGet(LEASE.dividedBy(3).toNanos());
    leases.renewLeases();
    assertThat(claim.isLost()).as("two renewals missed").isFalse();
    elapsedNanos.addAndGet(LEASE.dividedBy(3).toNanos());
    leases.renewLeases();

    assertThat(claim.isLost()).isTrue();
    assertThat(claim.start()).isFalse();
  }

  @Test
  void aRenewalThatReachesTheQueueAgainInTimeKeepsTheWorkGoing() {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, clock.instant(), clock.instant());
    HeldClaim claim = leases.claim(LABELS, 10, clock.instant()).get(0);
    databaseDown.set(true);
    elapsedNanos.addAndGet(LEASE.dividedBy(3).multipliedBy(2).toNanos());
    leases.renewLeases();

    databaseDown.set(false);
    leases.renewLeases();
    elapsedNanos.addAndGet(LEASE.dividedBy(3).multipliedBy(2).toNanos());
    databaseDown.set(true);
    leases.renewLeases();

    assertThat(claim.isLost()).isFalse();
    assertThat(claim.start()).isTrue();
  }

  @Test
  void givenAnInstanceStopping_thenItClaimsNothingMoreAndHandsBackWhatNoWorkerStarted() {
    for (long subject = 1; subject <= 3; subject++) {
      queue.enqueue(TaskKind.CREATE_LABELS, subject, clock.instant(), clock.instant());
    }
    List<HeldClaim> batch = leases.claim(LABELS, 10, clock.instant());
    assertThat(batch.get(0).start()).isTrue();

    assertThat(leases.stopClaiming()).isEqualTo(2);

    assertThat(batch.get(1).start()).as("handed back").isFalse();
    assertThat(queue.get(TaskKind.CREATE_LABELS, 1).state()).isEqualTo(State.RUNNING);
    assertThat(List.of(queue.get(TaskKind.CREATE_LABELS, 2), queue.get(TaskKind.CREATE_LABELS, 3)))
        .allSatisfy(task -> {
          assertThat(task.state()).isEqualTo(State.WAITING);
          assertThat(task.leaseOwner()).isNull();
          assertThat(task.attempts()).isZero();
        });
    assertThat(leases.runningCount()).isEqualTo(1);
    queue.enqueue(TaskKind.CREATE_LABELS, 4, clock.instant(), clock.instant());
    assertThat(leases.claim(LABELS, 10, clock.instant())).isEmpty();
  }

  private TaskQueue unreachableWhenDown(TaskQueue queue) {
    return (TaskQueue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TaskQueue.class},
        (proxy, method, args) -> {
          if (method.getName().equals("renewLease") && databaseDown.get()) {
            throw new IllegalStateException("database unreachable");
          }
          try {
            return method.invoke(queue, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}

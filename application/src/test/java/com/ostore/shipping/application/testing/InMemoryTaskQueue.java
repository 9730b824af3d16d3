package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable task queue kept in a list, with the semantics the {@link TaskQueue} Javadoc promises:
 * one active task per (kind, subject), due or lease-expired work is claimable, every claim counts an
 * attempt and draws a new token, and only the latest claim may renew, acknowledge, retry, abandon or
 * hand back. Leases follow {@code databaseClock}, the stand-in for the database server's clock.
 */
public final class InMemoryTaskQueue implements TaskQueue {
  private final List<StoredTask> tasks = new ArrayList<>();
  private final Clock databaseClock;
  private long nextId = 1;
  private long nextToken = 1;

  /** A queue whose leases follow {@code databaseClock}; tests usually pass the clock they move. */
  public InMemoryTaskQueue(Clock databaseClock) {
    this.databaseClock = databaseClock;
  }

  @Override
  public synchronized boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now) {
    if (find(kind, subjectId).filter(StoredTask::isActive).isPresent()) {
      return false;
    }
    tasks.add(new StoredTask(nextId++, kind, subjectId, now, runAt));
    return true;
  }

  @Override
  public synchronized List<Claim> claim(Set<TaskKind> kinds, int limit, String owner, Instant dueBy, Duration lease) {
    Instant now = databaseClock.instant();
    List<StoredTask> claimable = tasks.stream()
        .filter(t -> kinds.contains(t.kind) && t.isClaimable(dueBy, now))
        .sorted(Comparator.comparing((StoredTask t) -> t.runAt).thenComparing(t -> t.id))
        .limit(limit)
        .toList();
    claimable.forEach(t -> t.claim(owner, nextToken++, now.plus(lease)));
    return claimable.stream().map(t -> new Claim(t.toTask(), owner, t.leaseToken)).toList();
  }

  @Override
  public synchronized boolean renewLease(Claim claim, Duration lease) {
    return held(claim).map(t -> t.leaseUntil = databaseClock.instant().plus(lease)).isPresent();
  }

  @Override
  public synchronized boolean isHeld(Claim claim) {
    return held(claim).isPresent();
  }

  @Override
  public synchronized boolean handBack(Claim claim, Instant now) {
    return held(claim).map(t -> {
      t.waitUntil(t.runAt, t.lastError);
      t.attempts = Math.max(0, t.attempts - 1);
      return t;
    }).isPresent();
  }

  @Override
  public synchronized boolean complete(Claim claim, Instant now) {
    return held(claim).map(t -> t.state = StoredTask.State.DONE).isPresent();
  }

  @Override
  public synchronized boolean completeAndReschedule(Claim claim, Instant nextRunAt, Instant now) {
    return held(claim).map(t -> {
      t.waitUntil(nextRunAt, null);
      t.attempts = 0;
      t.awaitingAckSince = nextRunAt;
      t.blockedBy = null;
      return t;
    }).isPresent();
  }

  @Override
  public synchronized boolean retryLater(Claim claim, Instant nextRunAt, String error, String blockedBy, Instant now) {
    return held(claim).map(t -> {
      t.waitUntil(nextRunAt, error);
      t.blockedBy = blockedBy;
      return t;
    }).isPresent();
  }

  @Override
  public synchronized boolean abandon(Claim claim, String error, Instant now) {
    return held(claim).map(t -> {
      t.state = StoredTask.State.ABANDONED;
      t.lastError = error;
      return t;
    }).isPresent();
  }

  @Override
  public synchronized List<StaleWork> staleWork(Instant awaitingSince, int limit) {
    Map<String, List<StoredTask>> byCause = new LinkedHashMap<>();
    tasks.stream()
        .filter(t -> t.isActive() && t.awaitingAckSince.isBefore(awaitingSince))
        .sorted(Comparator.comparing((StoredTask t) -> t.awaitingAckSince).thenComparing(t -> t.id))
        .forEach(t -> byCause.computeIfAbsent(t.blockedBy != null ? t.blockedBy : "#" + t.id, c -> new ArrayList<>())
            .add(t));
    return byCause.values().stream()
        .map(held -> new StaleWork(held.get(0).toTask(), held.get(0).blockedBy, held.size()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Map<TaskKind, Long> countActive() {
    Map<TaskKind, Long> counts = new EnumMap<>(TaskKind.class);
    tasks.stream().filter(StoredTask::isActive).forEach(t -> counts.merge(t.kind, 1L, Long::sum));
    return counts;
  }

  /** The latest task of this kind for this subject, as the queue holds it now. */
  public synchronized Optional<StoredTask> find(TaskKind kind, long subjectId) {
    return tasks.stream().filter(t -> t.kind == kind && t.subjectId == subjectId).reduce((first, last) -> last)
        .map(StoredTask::copy);
  }

  /** Like {@link #find} but fails the test when there is no such task. */
  public StoredTask get(TaskKind kind, long subjectId) {
    return find(kind, subjectId).orElseThrow(() -> new AssertionError("no " + kind + " task for " + subjectId));
  }

  /** Every task ever enqueued, finished ones included. */
  public synchronized List<StoredTask> all() {
    return tasks.stream().map(StoredTask::copy).toList();
  }

  private Optional<StoredTask> byId(long taskId) {
    return tasks.stream().filter(t -> t.id == taskId).findFirst();
  }

  private Optional<StoredTask> held(Claim claim) {
    return byId(claim.taskId()).filter(t -> t.state == StoredTask.State.RUNNING && claim.owner().equals(t.leaseOwner)
        && claim.token() == t.leaseToken);
  }
}

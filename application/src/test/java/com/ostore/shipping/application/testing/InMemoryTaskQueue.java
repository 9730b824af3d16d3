package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
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
 * attempt, and only the lease owner may acknowledge, retry or abandon.
 */
public final class InMemoryTaskQueue implements TaskQueue {
  private final List<StoredTask> tasks = new ArrayList<>();
  private long nextId = 1;

  @Override
  public synchronized boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now) {
    if (find(kind, subjectId).filter(StoredTask::isActive).isPresent()) {
      return false;
    }
    tasks.add(new StoredTask(nextId++, kind, subjectId, now, runAt));
    return true;
  }

  @Override
  public synchronized List<Task> claim(Set<TaskKind> kinds, int limit, String workerId, Instant now, Duration lease) {
    List<StoredTask> claimable = tasks.stream()
        .filter(t -> kinds.contains(t.kind) && t.isClaimable(now))
        .sorted(Comparator.comparing((StoredTask t) -> t.runAt).thenComparing(t -> t.id))
        .limit(limit)
        .toList();
    claimable.forEach(t -> t.claim(workerId, now.plus(lease)));
    return claimable.stream().map(StoredTask::toTask).toList();
  }

  @Override
  public synchronized boolean renewLease(long taskId, String workerId, Instant now, Duration lease) {
    return owned(taskId, workerId).map(t -> t.leaseUntil = now.plus(lease)).isPresent();
  }

  @Override
  public synchronized boolean complete(long taskId, String workerId, Instant now) {
    return owned(taskId, workerId).map(t -> t.state = StoredTask.State.DONE).isPresent();
  }

  @Override
  public synchronized boolean completeAndReschedule(long taskId, String workerId, Instant nextRunAt, Instant now) {
    return owned(taskId, workerId).map(t -> {
      t.waitUntil(nextRunAt, null);
      t.attempts = 0;
      t.awaitingAckSince = nextRunAt;
      return t;
    }).isPresent();
  }

  @Override
  public synchronized boolean retryLater(long taskId, String workerId, Instant nextRunAt, String error, Instant now) {
    return owned(taskId, workerId).map(t -> t.waitUntil(nextRunAt, error)).isPresent();
  }

  @Override
  public synchronized boolean abandon(long taskId, String workerId, String error, Instant now) {
    return owned(taskId, workerId).map(t -> {
      t.state = StoredTask.State.ABANDONED;
      t.lastError = error;
      return t;
    }).isPresent();
  }

  @Override
  public synchronized void noteBlockedBy(long taskId, String cause) {
    byId(taskId).ifPresent(t -> t.blockedBy = cause);
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

  private Optional<StoredTask> owned(long taskId, String workerId) {
    return byId(taskId).filter(t -> t.state == StoredTask.State.RUNNING && workerId.equals(t.leaseOwner));
  }
}

package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Instant;

/** One task of the {@link InMemoryTaskQueue} with everything the queue knows about it; tests read copies. */
public final class StoredTask {
  /** Where a task stands. */
  public enum State { WAITING, RUNNING, DONE, ABANDONED }

  final long id;
  final TaskKind kind;
  final long subjectId;
  final Instant enqueuedAt;
  State state = State.WAITING;
  Instant runAt;
  Instant awaitingAckSince;
  int attempts;
  String lastError;
  String leaseOwner;
  long leaseToken;
  Instant leaseUntil;
  String blockedBy;

  StoredTask(long id, TaskKind kind, long subjectId, Instant enqueuedAt, Instant runAt) {
    this.id = id;
    this.kind = kind;
    this.subjectId = subjectId;
    this.enqueuedAt = enqueuedAt;
    this.runAt = runAt;
    this.awaitingAckSince = runAt;
  }

  public long id() { return id; }
  public TaskKind kind() { return kind; }
  public long subjectId() { return subjectId; }
  public State state() { return state; }
  public Instant runAt() { return runAt; }
  public Instant awaitingAckSince() { return awaitingAckSince; }
  public int attempts() { return attempts; }
  public String lastError() { return lastError; }
  public String leaseOwner() { return leaseOwner; }
  public String blockedBy() { return blockedBy; }

  boolean isActive() {
    return state == State.WAITING || state == State.RUNNING;
  }

  /** Due by the claimer's clock, or its lease over by the database's. */
  boolean isClaimable(Instant dueBy, Instant databaseNow) {
    return (state == State.WAITING && !runAt.isAfter(dueBy))
        || (state == State.RUNNING && !leaseUntil.isAfter(databaseNow));
  }

  void claim(String owner, long token, Instant until) {
    state = State.RUNNING;
    attempts++;
    leaseOwner = owner;
    leaseToken = token;
    leaseUntil = until;
  }

  StoredTask waitUntil(Instant next, String error) {
    state = State.WAITING;
    runAt = next;
    lastError = error;
    leaseOwner = null;
    leaseUntil = null;
    return this;
  }

  Task toTask() {
    return new Task(id, kind, subjectId, attempts, enqueuedAt, awaitingAckSince, lastError);
  }

  StoredTask copy() {
    StoredTask copy = new StoredTask(id, kind, subjectId, enqueuedAt, runAt);
    copy.state = state;
    copy.awaitingAckSince = awaitingAckSince;
    copy.attempts = attempts;
    copy.lastError = lastError;
    copy.leaseOwner = leaseOwner;
    copy.leaseToken = leaseToken;
    copy.leaseUntil = leaseUntil;
    copy.blockedBy = blockedBy;
    return copy;
  }
}

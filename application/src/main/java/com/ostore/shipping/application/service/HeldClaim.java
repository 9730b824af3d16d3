package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.Task;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One claim as the instance holding it sees it: whether a worker started on it (or it was handed back
 * first), whether its lease was found lost, and when its lease was last confirmed. The lost flag is
 * the signal the work checks before each step with side effects.
 */
final class HeldClaim {
  private enum Stage { CLAIMED, STARTED, HANDED_BACK }

  private final Claim claim;
  private final LeaseService leases;
  private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.CLAIMED);
  private volatile boolean lost;
  private volatile long confirmedAtNanos;

  HeldClaim(Claim claim, LeaseService leases, long claimedAtNanos) {
    this.claim = claim;
    this.leases = leases;
    this.confirmedAtNanos = claimedAtNanos;
  }

  Claim claim() {
    return claim;
  }

  Task task() {
    return claim.task();
  }

  /** Starts the work, unless it was handed back or its lease is already known to be gone. */
  boolean start() {
    return !lost && stage.compareAndSet(Stage.CLAIMED, Stage.STARTED);
  }

  /** Takes the work away from its worker before it started; false once it started. */
  boolean handBack() {
    return stage.compareAndSet(Stage.CLAIMED, Stage.HANDED_BACK);
  }

  boolean isStarted() {
    return stage.get() == Stage.STARTED;
  }

  boolean isHandedBack() {
    return stage.get() == Stage.HANDED_BACK;
  }

  /** The lease was found superseded, or could not be renewed for a whole lease: the work must stop. */
  boolean isLost() {
    return lost;
  }

  void lose() {
    lost = true;
  }

  void confirmedAt(long nanos) {
    confirmedAtNanos = nanos;
  }

  long unconfirmedNanos(long nowNanos) {
    return nowNanos - confirmedAtNanos;
  }

  /** The work is over, whatever its outcome: the claim needs no more renewing. */
  void release() {
    leases.forget(this);
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.ManageLeasesUseCase;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims one service instance holds, shared by all its workers (label and tracking alike). Every
 * claim is renewed from the moment it is claimed until its work lets it go, whether it is running or
 * still waiting in its worker's batch. Claims are kept by their own token, so one thread finishing
 * never touches another thread's claim of the same task. A renewal that finds a claim superseded, or
 * that cannot reach the queue for a whole lease, marks it lost and its work stops at its next step;
 * the queue's fencing refuses whatever it would still record.
 */
public final class LeaseService implements ManageLeasesUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseService.class);

  private final TaskQueue tasks;
  private final String owner;
  private final Duration lease;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Map<Long, HeldClaim> held = new ConcurrentHashMap<>();
  private volatile boolean claiming = true;

  public LeaseService(TaskQueue tasks, String owner, Duration lease, Clock clock) {
    this(tasks, owner, lease, clock, System::nanoTime);
  }

  /** {@code nanoTime} measures how long a lease went unconfirmed (elapsed time, not a date). */
  LeaseService(TaskQueue tasks, String owner, Duration lease, Clock clock, LongSupplier nanoTime) {
    this.tasks = tasks;
    this.owner = owner;
    this.lease = lease;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** Claims work due by {@code dueBy}; each claim is renewed until its work {@linkplain HeldClaim#release() ends}. */
  List<HeldClaim> claim(Set<TaskKind> kinds, int limit, Instant dueBy) {
    if (!claiming) {
      return List.of();
    }
    long claimedAt = nanoTime.getAsLong();
    List<HeldClaim> claimed = tasks.claim(kinds, limit, owner, dueBy, lease).stream()
        .map(claim -> new HeldClaim(claim, this, claimedAt))
        .toList();
    claimed.forEach(claim -> held.put(claim.claim().token(), claim));
    if (!claiming) {
      // The instance began stopping while this claim was under way.
      handBackUnstarted();
    }
    return claimed;
  }

  /**
   * Confirms right before a side effect that the claim still holds its task, extending its lease so
   * the step gets a whole lease; false (and the claim marked lost) once another claim superseded it.
   */
  boolean confirm(HeldClaim claim) {
    if (claim.isLost()) {
      return false;
    }
    if (tasks.renewLease(claim.claim(), lease)) {
      claim.confirmedAt(nanoTime.getAsLong());
      return true;
    }
    claim.lose();
    return false;
  }

  @Override
  public void renewLeases() {
    for (HeldClaim claim : held.values()) {
      if (!claim.isLost() && !claim.isHandedBack()) {
        renew(claim);
      }
    }
  }

  private void renew(HeldClaim claim) {
    Claim lease = claim.claim();
    try {
      if (tasks.renewLease(lease, this.lease)) {
        claim.confirmedAt(nanoTime.getAsLong());
      } else if (held.get(lease.token()) != claim) {
        // Its work finished (and let the task go) while this renewal was on its way: nothing was lost.
        LOG.debug("task {} finished during its lease renewal", lease.taskId());
      } else {
        claim.lose();
        LOG.warn("lost the lease of task {} ({} {}); another worker holds it now, this one stops", lease.taskId(),
            lease.task().kind().wireName(), lease.task().subjectId());
      }
    } catch (RuntimeException e) {
      if (claim.unconfirmedNanos(nanoTime.getAsLong()) >= this.lease.toNanos()) {
        claim.lose();
        LOG.error("could not renew the lease of task {} for a whole lease ({}); its work stops", lease.taskId(),
            e.getMessage());
      } else {
        LOG.warn("renewing the lease of task {} failed, trying again at the next renewal: {}", lease.taskId(),
            e.getMessage());
      }
    }
  }

  @Override
  public int stopClaiming() {
    claiming = false;
    return handBackUnstarted();
  }

  private int handBackUnstarted() {
    int handedBack = 0;
    for (HeldClaim claim : held.values()) {
      if (!claim.handBack()) {
        continue;
      }
      forget(claim);
      try {
        if (tasks.handBack(claim.claim(), clock.instant())) {
          handedBack++;
        }
      } catch (RuntimeException e) {
        LOG.warn("could not hand task {} back ({}); it is claimed again once its lease runs out",
            claim.claim().taskId(), e.getMessage());
      }
    }
    return handedBack;
  }

  /** Gives one unstarted claim back, due again at its own time; false if it had started or was not held. */
  boolean handBack(HeldClaim claim) {
    if (!claim.handBack()) {
      return false;
    }
    forget(claim);
    try {
      return tasks.handBack(claim.claim(), clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("could not hand task {} back ({}); it is claimed again once its lease runs out",
          claim.claim().taskId(), e.getMessage());
      return false;
    }
  }

  @Override
  public int runningCount() {
    return (int) held.values().stream().filter(HeldClaim::isStarted).count();
  }

  void forget(HeldClaim claim) {
    held.remove(claim.claim().token(), claim);
  }
}

package com.ostore.shipping.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Durable background work. Enqueue inside the transaction of the change that needs it; workers claim
 * due work under a lease, and work whose lease ran out (its worker died) is claimed again.
 *
 * <p>Two clocks meet here. When work is due ({@code runAt}, {@code dueBy}, the times recorded for
 * alerts) is business time: the caller's clock, which tests move days ahead. Leases are the queue's
 * own affair and follow the queue's clock alone (the database's): when a lease ends, whether it has,
 * and a renewal's new end. Instances whose clocks disagree still agree on who holds what, and a clock
 * moved ahead makes work due without taking live leases over.
 */
public interface TaskQueue {

  /**
   * Adds work due at {@code runAt}, unless the same kind of work for the same subject is already
   * waiting or running (then nothing changes). Returns whether a task was added.
   */
  boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now);

  /**
   * Claims up to {@code limit} tasks of these kinds for {@code owner}, oldest due first: work due by
   * {@code dueBy}, and work whose lease ran out by the queue's clock. Each claim gets a new token and
   * a lease of {@code lease} from the queue's clock; never a task another claim holds under a live lease.
   */
  List<Claim> claim(Set<TaskKind> kinds, int limit, String owner, Instant dueBy, Duration lease);

  /** Extends this claim's lease to {@code lease} from now (queue clock); false once it was superseded or ended. */
  boolean renewLease(Claim claim, Duration lease);

  /**
   * Whether this claim still holds its task. Inside a transaction the task then cannot be claimed again
   * until the transaction ends, so the answer stands for everything written in it.
   */
  boolean isHeld(Claim claim);

  /**
   * Those of these claims that still hold their tasks, in the order given; like {@link #isHeld}, inside a
   * transaction those tasks cannot be claimed again until it ends. Adapters should answer in one statement.
   */
  default List<Claim> stillHeld(Collection<Claim> claims) {
    return claims.stream().filter(this::isHeld).toList();
  }

  /** Gives claimed but unstarted work back: due again at once, lease cleared, the claim not counted as an attempt. */
  boolean handBack(Claim claim, Instant now);

  /** Acknowledges finished work; it never runs again. False if the claim had been superseded. */
  boolean complete(Claim claim, Instant now);

  /**
   * Acknowledges one successful run of periodic work and schedules the next at {@code nextRunAt};
   * the next run is then awaited from that time on, held up by nothing yet.
   */
  boolean completeAndReschedule(Claim claim, Instant nextRunAt, Instant now);

  /**
   * {@link #completeAndReschedule} for several claims at once (each claim's next run); returns how many
   * were acknowledged (fewer when some claim had been superseded).
   */
  default int completeAndRescheduleAll(Map<Claim, Instant> nextRuns, Instant now) {
    int acknowledged = 0;
    for (Map.Entry<Claim, Instant> next : nextRuns.entrySet()) {
      acknowledged += completeAndReschedule(next.getKey(), next.getValue(), now) ? 1 : 0;
    }
    return acknowledged;
  }

  /**
   * A failed attempt: the task runs again at {@code nextRunAt}, still unacknowledged. {@code blockedBy}
   * names what outside the service held it up (the alert cause of a carrier outage) or is null: work
   * held up by one cause raises one alert for all of it. Recorded under the claim like the retry, so a
   * worker whose claim was superseded leaves the current holder's cause alone.
   */
  boolean retryLater(Claim claim, Instant nextRunAt, String error, String blockedBy, Instant now);

  /** Work no retry can fix: it stops, with the reason kept. */
  boolean abandon(Claim claim, String error, Instant now);

  /**
   * Unfinished work unacknowledged since before {@code awaitingSince}, one entry per cause holding it
   * up, oldest first, at most {@code limit}.
   */
  List<StaleWork> staleWork(Instant awaitingSince, int limit);

  /** How many tasks are waiting or running, per kind (for health and metrics). */
  Map<TaskKind, Long> countActive();
}

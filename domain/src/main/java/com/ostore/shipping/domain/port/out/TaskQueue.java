package com.ostore.shipping.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Durable background work. Enqueue inside the transaction of the change that needs it; workers claim
 * due work under a lease, and work whose lease ran out (its worker died) is claimed again.
 */
public interface TaskQueue {

  /**
   * Adds work due at {@code runAt}, unless the same kind of work for the same subject is already
   * waiting or running (then nothing changes). Returns whether a task was added.
   */
  boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now);

  /**
   * Claims up to {@code limit} due tasks of these kinds for {@code workerId}, each leased until
   * {@code now + lease}; never a task another live worker holds.
   */
  List<Task> claim(Set<TaskKind> kinds, int limit, String workerId, Instant now, Duration lease);

  /** Extends the lease of a task this worker holds; false if the worker lost it. */
  boolean renewLease(long taskId, String workerId, Instant now, Duration lease);

  /** Acknowledges finished work; it never runs again. False if the worker had lost the lease. */
  boolean complete(long taskId, String workerId, Instant now);

  /**
   * Acknowledges one successful run of periodic work and schedules the next at {@code nextRunAt};
   * the next run is then awaited from that time on.
   */
  boolean completeAndReschedule(long taskId, String workerId, Instant nextRunAt, Instant now);

  /** A failed attempt: the task runs again at {@code nextRunAt}, still unacknowledged. */
  boolean retryLater(long taskId, String workerId, Instant nextRunAt, String error, Instant now);

  /** Work no retry can fix: it stops, with the reason kept. */
  boolean abandon(long taskId, String workerId, String error, Instant now);

  /**
   * Names what outside the service holds this task up (the alert cause of a carrier outage), or clears
   * it with null: work held up by one cause raises one alert for all of it. Advisory, so it needs no
   * lease; a task rescheduled for new work starts without one.
   */
  void noteBlockedBy(long taskId, String cause);

  /**
   * Unfinished work unacknowledged since before {@code awaitingSince}, one entry per cause holding it
   * up, oldest first, at most {@code limit}.
   */
  List<StaleWork> staleWork(Instant awaitingSince, int limit);

  /** How many tasks are waiting or running, per kind (for health and metrics). */
  Map<TaskKind, Long> countActive();
}

package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.TaskDao.KindCountRow;
import com.ostore.shipping.adapter.out.persistence.TaskDao.TaskRow;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable task queue in the tasks table. A claim is one statement (its own short transaction
 * outside {@code Transactions}), so rows stay locked only while they are handed out.
 */
final class JdbiTaskQueue implements TaskQueue {
  private final Jdbi jdbi;

  JdbiTaskQueue(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now) {
    return dao(dao -> dao.enqueue(kind.wireName(), subjectId, runAt, now)) == 1;
  }

  @Override
  public List<Task> claim(Set<TaskKind> kinds, int limit, String workerId, Instant now, Duration lease) {
    if (kinds.isEmpty() || limit < 1) {
      return List.of();
    }
    List<String> kindNames = kinds.stream().map(TaskKind::wireName).toList();
    List<TaskRow> rows = jdbi.withExtension(TaskDao.class,
        dao -> dao.claim(kindNames, limit, workerId, now, now.plus(lease)));
    // RETURNING has no order of its own; hand the work out oldest due first.
    return rows.stream()
        .sorted(Comparator.comparing(TaskRow::runAt).thenComparingLong(TaskRow::id))
        .map(TaskRow::toTask)
        .toList();
  }

  @Override
  public boolean renewLease(long taskId, String workerId, Instant now, Duration lease) {
    return dao(dao -> dao.renewLease(taskId, workerId, now.plus(lease), now)) == 1;
  }

  @Override
  public boolean complete(long taskId, String workerId, Instant now) {
    return dao(dao -> dao.complete(taskId, workerId, now)) == 1;
  }

  @Override
  public boolean completeAndReschedule(long taskId, String workerId, Instant nextRunAt, Instant now) {
    return dao(dao -> dao.completeAndReschedule(taskId, workerId, nextRunAt, now)) == 1;
  }

  @Override
  public boolean retryLater(long taskId, String workerId, Instant nextRunAt, String error, Instant now) {
    return dao(dao -> dao.retryLater(taskId, workerId, nextRunAt, error, now)) == 1;
  }

  @Override
  public boolean abandon(long taskId, String workerId, String error, Instant now) {
    return dao(dao -> dao.abandon(taskId, workerId, error, now)) == 1;
  }

  @Override
  public void noteBlockedBy(long taskId, String cause) {
    dao(dao -> dao.noteBlockedBy(taskId, cause));
  }

  @Override
  public List<StaleWork> staleWork(Instant awaitingSince, int limit) {
    return jdbi.withExtension(TaskDao.class, dao -> dao.staleWork(awaitingSince, Math.max(limit, 0)))
        .stream().map(TaskDao.StaleRow::toStaleWork).toList();
  }

  @Override
  public Map<TaskKind, Long> countActive() {
    Map<TaskKind, Long> counts = new EnumMap<>(TaskKind.class);
    for (TaskKind kind : TaskKind.values()) {
      counts.put(kind, 0L);
    }
    for (KindCountRow row : jdbi.withExtension(TaskDao.class, TaskDao::countActive)) {
      counts.put(TaskRow.kindOf(row.kind()), row.count());
    }
    return counts;
  }

  private int dao(ToIntFunction<TaskDao> statement) {
    return jdbi.withExtension(TaskDao.class, statement::applyAsInt);
  }
}

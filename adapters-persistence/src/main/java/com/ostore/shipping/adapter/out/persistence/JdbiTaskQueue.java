package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.TaskDao.ClaimRow;
import com.ostore.shipping.adapter.out.persistence.TaskDao.KindCountRow;
import com.ostore.shipping.adapter.out.persistence.TaskDao.RescheduleRow;
import com.ostore.shipping.adapter.out.persistence.TaskDao.TaskRow;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable task queue in the tasks table. A claim is one statement (its own short transaction
 * outside {@code Transactions}), so rows stay locked only while they are handed out. Leases are timed
 * by PostgreSQL's {@code now()} alone, so every instance measures them with the same clock; the
 * {@code dueBy}/{@code now} instants callers pass are their business clock, used for due and
 * bookkeeping times only.
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
  public List<Claim> claim(Set<TaskKind> kinds, int limit, String owner, Instant dueBy, Duration lease) {
    if (kinds.isEmpty() || limit < 1) {
      return List.of();
    }
    List<String> kindNames = kinds.stream().map(TaskKind::wireName).toList();
    List<ClaimRow> rows = jdbi.withExtension(TaskDao.class,
        dao -> dao.claim(kindNames, limit, owner, dueBy, lease.toMillis()));
    // RETURNING has no order of its own; hand the work out oldest due first.
    return rows.stream()
        .sorted(Comparator.comparing(ClaimRow::runAt).thenComparingLong(ClaimRow::id))
        .map(row -> row.toClaim(owner))
        .toList();
  }

  @Override
  public boolean renewLease(Claim claim, Duration lease) {
    return dao(dao -> dao.renewLease(claim.taskId(), claim.owner(), claim.token(), lease.toMillis())) == 1;
  }

  @Override
  public boolean isHeld(Claim claim) {
    return !jdbi.withExtension(TaskDao.class, dao -> dao.lockIfHeld(claim.taskId(), claim.owner(), claim.token()))
        .isEmpty();
  }

  @Override
  public List<Claim> stillHeld(Collection<Claim> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    Set<Long> held = Set.copyOf(jdbi.withExtension(TaskDao.class, dao -> dao.lockHeld(claims)));
    return claims.stream().filter(claim -> held.contains(claim.taskId())).toList();
  }

  @Override
  public int completeAndRescheduleAll(Map<Claim, Instant> nextRuns, Instant now) {
    if (nextRuns.isEmpty()) {
      return 0;
    }
    List<RescheduleRow> rows = nextRuns.entrySet().stream()
        .map(e -> new RescheduleRow(e.getKey().taskId(), e.getKey().owner(), e.getKey().token(), e.getValue()))
        .toList();
    return IntStream.of(jdbi.withExtension(TaskDao.class, dao -> dao.completeAndRescheduleAll(rows, now))).sum();
  }

  @Override
  public boolean handBack(Claim claim, Instant now) {
    return dao(dao -> dao.handBack(claim.taskId(), claim.owner(), claim.token(), now)) == 1;
  }

  @Override
  public boolean complete(Claim claim, Instant now) {
    return dao(dao -> dao.complete(claim.taskId(), claim.owner(), claim.token(), now)) == 1;
  }

  @Override
  public boolean completeAndReschedule(Claim claim, Instant nextRunAt, Instant now) {
    return dao(dao -> dao.completeAndReschedule(claim.taskId(), claim.owner(), claim.token(), nextRunAt, now)) == 1;
  }

  @Override
  public boolean retryLater(Claim claim, Instant nextRunAt, String error, String blockedBy, Instant now) {
    return dao(dao -> dao.retryLater(claim.taskId(), claim.owner(), claim.token(), nextRunAt, error, blockedBy,
        now)) == 1;
  }

  @Override
  public boolean abandon(Claim claim, String error, Instant now) {
    return dao(dao -> dao.abandon(claim.taskId(), claim.owner(), claim.token(), error, now)) == 1;
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

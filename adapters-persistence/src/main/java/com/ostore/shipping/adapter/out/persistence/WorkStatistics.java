package com.ostore.shipping.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only figures for operators' gauges: tasks per kind and state, how long the oldest due task of
 * each kind has waited, and the outbox's backlog. Three small queries, on the indexes the queue and
 * the relay already use; callers decide how often to ask.
 */
public final class WorkStatistics {
  private final Jdbi jdbi;
  private final Clock clock;

  WorkStatistics(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** One reading of the figures. */
  public record Snapshot(
      Map<String, Map<String, Long>> tasksByKindAndState, Map<String, Duration> oldestDueTaskAge, long unsentEvents,
      Optional<Duration> oldestUnsentEventAge) {}

  /**
   * Reads the figures now. Task ages use the service's clock (the one that set {@code run_at}); the
   * outbox age uses the database's (the one that set {@code created_at}).
   */
  public Snapshot read() {
    Instant now = clock.instant();
    return jdbi.withHandle(handle -> {
      Map<String, Map<String, Long>> tasks = new TreeMap<>();
      handle.createQuery("""
              SELECT kind, state, count(*) AS n FROM tasks WHERE state IN ('ready', 'running', 'abandoned')
              GROUP BY kind, state""")
          .map((rs, ctx) -> {
            tasks.computeIfAbsent(rs.getString("kind"), k -> new TreeMap<>()).put(rs.getString("state"), rs.getLong("n"));
            return null;
          }).list();
      Map<String, Duration> oldest = new TreeMap<>();
      handle.createQuery("""
              SELECT kind, min(run_at) AS due FROM tasks
              WHERE (state = 'ready' AND run_at <= :now) OR state = 'running' GROUP BY kind""")
          .bind("now", now)
          .map((rs, ctx) -> {
            Instant due = rs.getObject("due", OffsetDateTime.class).toInstant();
            oldest.put(rs.getString("kind"), due.isBefore(now) ? Duration.between(due, now) : Duration.ZERO);
            return null;
          }).list();
      return handle.createQuery("""
              SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - min(o.created_at)) AS age
              FROM outbox_unsent u JOIN outbox o ON o.seq = u.seq""")
          .map((rs, ctx) -> {
            double age = rs.getDouble("age");
            Optional<Duration> oldestUnsent = rs.wasNull() ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.max(0, Math.round(age * 1000))));
            return new Snapshot(tasks, oldest, rs.getLong("n"), oldestUnsent);
          }).one();
    });
  }
}

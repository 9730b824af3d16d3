package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the tasks table; every change to claimed work names the claim (owner and token) and is
 * refused once the claim was superseded. Lease times come from the database's {@code now()} only; the
 * caller's clock says when work is due. Its row records are nested so Jdbi can reach them (nested
 * types are public) while the package-private interface keeps them out of the module's API.
 */
@RegisterConstructorMapper(TaskDao.TaskRow.class)
@RegisterConstructorMapper(TaskDao.ClaimRow.class)
@RegisterConstructorMapper(TaskDao.KindCountRow.class)
@RegisterConstructorMapper(TaskDao.StaleRow.class)
interface TaskDao {
  String COLUMNS = "id, kind, subject_id, attempts, run_at, enqueued_at, awaiting_ack_since, last_error";
  String HELD_BY_CLAIM =
      " WHERE id = :taskId AND state = 'running' AND lease_owner = :owner AND lease_token = :token";

  @SqlUpdate("""
      INSERT INTO tasks (kind, subject_id, state, attempts, run_at, enqueued_at, awaiting_ack_since, updated_at)
      VALUES (:kind, :subjectId, 'ready', 0, :runAt, :now, :runAt, :now)
      ON CONFLICT (kind, subject_id) WHERE state IN ('ready', 'running') DO NOTHING
      """)
  int enqueue(String kind, long subjectId, Instant runAt, Instant now);

  // SKIP LOCKED: concurrent claimers pass over each other's rows instead of waiting or taking them too.
  // Due-ness follows the caller's clock (:dueBy); lease expiry and the new lease the database's now().
  @SqlQuery("""
      WITH due AS (
          SELECT id FROM tasks
          WHERE kind IN (<kinds>)
            AND ((state = 'ready' AND run_at <= :dueBy) OR (state = 'running' AND lease_until < now()))
          ORDER BY run_at, id
          LIMIT :limit
          FOR UPDATE SKIP LOCKED)
      UPDATE tasks t
      SET state = 'running', lease_owner = :owner, lease_token = nextval('task_claim_tokens'),
          lease_until = now() + :leaseMillis * interval '1 millisecond', attempts = t.attempts + 1, updated_at = :dueBy
      FROM due WHERE t.id = due.id
      RETURNING t.id, t.kind, t.subject_id, t.attempts, t.run_at, t.enqueued_at, t.awaiting_ack_since,
          t.last_error, t.lease_token
      """)
  List<ClaimRow> claim(@BindList("kinds") Collection<String> kinds, int limit, String owner, Instant dueBy,
      long leaseMillis);

  @SqlUpdate("UPDATE tasks SET lease_until = now() + :leaseMillis * interval '1 millisecond'" + HELD_BY_CLAIM)
  int renewLease(long taskId, String owner, long token, long leaseMillis);

  /** Locks the row until the caller's transaction ends, so no claim can supersede this one meanwhile. */
  @SqlQuery("SELECT id FROM tasks" + HELD_BY_CLAIM + " FOR UPDATE")
  List<Long> lockIfHeld(long taskId, String owner, long token);

  @SqlUpdate("""
      UPDATE tasks SET state = 'ready', lease_owner = NULL, lease_until = NULL, attempts = GREATEST(attempts - 1, 0),
          updated_at = :now
      """ + HELD_BY_CLAIM)
  int handBack(long taskId, String owner, long token, Instant now);

  @SqlUpdate("""
      UPDATE tasks SET state = 'done', completed_at = :now, lease_owner = NULL, lease_until = NULL, updated_at = :now
      """ + HELD_BY_CLAIM)
  int complete(long taskId, String owner, long token, Instant now);

  @SqlUpdate("""
      UPDATE tasks SET state = 'ready', run_at = :nextRunAt, awaiting_ack_since = :nextRunAt, attempts = 0,
          last_error = NULL, blocked_by = NULL, lease_owner = NULL, lease_until = NULL, updated_at = :now
      """ + HELD_BY_CLAIM)
  int completeAndReschedule(long taskId, String owner, long token, Instant nextRunAt, Instant now);

  /** Locks, in id order, the rows of those claims that still hold their tasks, until the caller's transaction ends. */
  @SqlQuery("""
      SELECT id FROM tasks
      WHERE state = 'running' AND (id, lease_owner, lease_token) IN (<claims>)
      ORDER BY id
      FOR UPDATE
      """)
  List<Long> lockHeld(
      @BindMethodsList(value = "claims", methodNames = {"taskId", "owner", "token"}) Collection<Claim> claims);

  /** {@link #completeAndReschedule} for many claims, sent as one batch. */
  @SqlBatch("""
      UPDATE tasks SET state = 'ready', run_at = :nextRunAt, awaiting_ack_since = :nextRunAt, attempts = 0,
          last_error = NULL, blocked_by = NULL, lease_owner = NULL, lease_until = NULL, updated_at = :now
      """ + HELD_BY_CLAIM)
  int[] completeAndRescheduleAll(@BindMethods List<RescheduleRow> rows, @Bind("now") Instant now);

  @SqlUpdate("""
      UPDATE tasks SET state = 'ready', run_at = :nextRunAt, last_error = :error, blocked_by = :blockedBy,
          lease_owner = NULL, lease_until = NULL, updated_at = :now
      """ + HELD_BY_CLAIM)
  int retryLater(long taskId, String owner, long token, Instant nextRunAt, String error, String blockedBy,
      Instant now);

  @SqlUpdate("""
      UPDATE tasks SET state = 'abandoned', last_error = :error, completed_at = :now, lease_owner = NULL,
          lease_until = NULL, updated_at = :now
      """ + HELD_BY_CLAIM)
  int abandon(long taskId, String owner, long token, String error, Instant now);

  // One row per cause: the oldest task it holds up and how many it holds up. Work held up by nothing
  // known outside is its own cause (its id).
  @SqlQuery("""
      SELECT * FROM (
          SELECT DISTINCT ON (coalesce(blocked_by, id::text)) """ + COLUMNS + """
      , blocked_by,
              count(*) OVER (PARTITION BY coalesce(blocked_by, id::text)) AS stale_tasks
          FROM tasks
          WHERE state IN ('ready', 'running') AND awaiting_ack_since < :awaitingSince
          ORDER BY coalesce(blocked_by, id::text), awaiting_ack_since, id) oldest_per_cause
      ORDER BY awaiting_ack_since, id
      LIMIT :limit
      """)
  List<StaleRow> staleWork(Instant awaitingSince, int limit);

  @SqlQuery("SELECT kind, count(*) AS count FROM tasks WHERE state IN ('ready', 'running') GROUP BY kind")
  List<KindCountRow> countActive();

  /** The tasks columns a {@link Task} shows; the kind is its wire name. */
  record TaskRow(
      long id,
      String kind,
      long subjectId,
      int attempts,
      Instant runAt,
      Instant enqueuedAt,
      Instant awaitingAckSince,
      String lastError) {

    Task toTask() {
      return new Task(id, kindOf(kind), subjectId, attempts, enqueuedAt, awaitingAckSince, lastError);
    }

    static TaskKind kindOf(String wireName) {
      return TaskKind.valueOf(wireName.toUpperCase(Locale.ROOT));
    }
  }

  /** A task as one claim returned it, with that claim's token. */
  record ClaimRow(
      long id,
      String kind,
      long subjectId,
      int attempts,
      Instant runAt,
      Instant enqueuedAt,
      Instant awaitingAckSince,
      String lastError,
      long leaseToken) {

    Claim toClaim(String owner) {
      return new Claim(new TaskRow(id, kind, subjectId, attempts, runAt, enqueuedAt, awaitingAckSince, lastError)
          .toTask(), owner, leaseToken);
    }
  }

  /** The oldest task one cause holds up, the cause (null: the task itself) and how many tasks it holds up. */
  record StaleRow(
      long id,
      String kind,
      long subjectId,
      int attempts,
      Instant runAt,
      Instant enqueuedAt,
      Instant awaitingAckSince,
      String lastError,
      String blockedBy,
      int staleTasks) {

    StaleWork toStaleWork() {
      Task oldest = new TaskRow(id, kind, subjectId, attempts, runAt, enqueuedAt, awaitingAckSince, lastError)
          .toTask();
      return new StaleWork(oldest, blockedBy, staleTasks);
    }
  }

  /** How many active tasks one kind has. */
  record KindCountRow(String kind, long count) {}

  /** One claim's acknowledgement with its task's next run. */
  record RescheduleRow(long taskId, String owner, long token, Instant nextRunAt) {}
}

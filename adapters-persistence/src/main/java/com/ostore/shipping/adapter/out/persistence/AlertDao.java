package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the alerts table. Its row record is nested so Jdbi can reach it (nested types are public)
 * while the package-private interface keeps it out of the module's API.
 */
@RegisterConstructorMapper(AlertDao.DeliveryRow.class)
@RegisterConstructorMapper(AlertDao.PauseRow.class)
interface AlertDao {
  /**
   * A delivery is due when the trigger was never accepted and the alert is open, or the alert was
   * resolved after the pager accepted it and the resolution was not accepted yet; and nobody holds it.
   * A trigger also waits for the resolution of its cause's previous alert: the other way round the
   * pager would close the new incident. When a delivery is due follows the caller's clock; whether a
   * claim ran out follows the database's {@code now()} alone, as task leases do, so an instance whose
   * clock runs ahead never takes over a delivery another instance is sending.
   */
  String DUE = """
      ((a.resolved_at IS NULL AND a.delivered_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM alerts earlier
                WHERE earlier.cause_key = a.cause_key AND earlier.id < a.id AND earlier.delivered_at IS NOT NULL
                  AND earlier.resolved_at IS NOT NULL AND earlier.resolve_delivered_at IS NULL))
        OR (a.resolved_at IS NOT NULL AND a.delivered_at IS NOT NULL AND a.resolve_delivered_at IS NULL))
      AND a.next_attempt_at <= :now AND (a.claimed_until IS NULL OR a.claimed_until < now())
      """;

  /** The new alert's id, or empty when its cause already has an open alert. */
  @SqlQuery("""
      INSERT INTO alerts (cause_key, severity, summary, details, since, raised_at, next_attempt_at)
      VALUES (:causeKey, :severity, :summary, CAST(:details AS jsonb), :since, :now, :now)
      ON CONFLICT (cause_key) WHERE resolved_at IS NULL DO NOTHING
      RETURNING id
      """)
  Optional<Long> raise(String causeKey, String severity, String summary, String details, Instant since, Instant now);

  @SqlUpdate("""
      UPDATE alerts SET resolved_at = :now, next_attempt_at = :now
      WHERE cause_key = :causeKey AND resolved_at IS NULL
      """)
  int resolve(String causeKey, Instant now);

  /** The causes among these that had an open alert, now resolved. */
  @SqlQuery("""
      UPDATE alerts SET resolved_at = :now, next_attempt_at = :now
      WHERE cause_key IN (<causeKeys>) AND resolved_at IS NULL
      RETURNING cause_key
      """)
  List<String> resolveAll(@BindList("causeKeys") Collection<String> causeKeys, Instant now);

  @SqlQuery("""
      SELECT cause_key FROM alerts
      WHERE resolved_at IS NULL AND starts_with(cause_key, :prefix)
      ORDER BY cause_key
      """)
  List<String> openCausesStartingWith(String prefix);

  @SqlUpdate("""
      UPDATE alerts SET probe_at = :probeAt
      WHERE cause_key = :causeKey AND resolved_at IS NULL AND (probe_at IS NULL OR probe_at < :probeAt)
      """)
  int pauseUntil(String causeKey, Instant probeAt);

  @SqlQuery("""
      SELECT cause_key, probe_at FROM alerts
      WHERE resolved_at IS NULL AND probe_at IS NOT NULL AND starts_with(cause_key, :prefix)
      ORDER BY probe_at DESC, cause_key LIMIT 1
      """)
  Optional<PauseRow> pauseOf(String prefix);

  @SqlUpdate("""
      UPDATE alerts SET probe_at = :nextProbeAt
      WHERE cause_key = :causeKey AND resolved_at IS NULL AND probe_at <= :now
      """)
  int takeProbe(String causeKey, Instant now, Instant nextProbeAt);

  /** An open pause: its cause and when the next probe may go. */
  record PauseRow(String causeKey, Instant probeAt) {}

  // The conditional update is the claim: SKIP LOCKED passes over rows another instance is claiming, and
  // a row it claimed meanwhile no longer matches when re-checked, so each delivery goes to one claimer.
  String CLAIM_DUE = """
      WITH due AS (
          SELECT a.id FROM alerts a
          WHERE """ + DUE + """
      """;
  String CLAIM_TAKE = """
          ORDER BY a.id
          LIMIT :limit
          FOR UPDATE SKIP LOCKED)
      UPDATE alerts a SET claim_token = :token, claimed_until = now() + :holdMillis * interval '1 millisecond',
          attempts = a.attempts + 1
      FROM due WHERE a.id = due.id
      RETURNING a.id, a.cause_key, a.severity, a.summary, a.details::text AS details, a.since, a.attempts,
          a.resolved_at IS NOT NULL AS resolution
      """;

  @SqlQuery(CLAIM_DUE + CLAIM_TAKE)
  List<DeliveryRow> claimDue(Instant now, UUID token, long holdMillis, int limit);

  @SqlQuery(CLAIM_DUE + " AND a.cause_key = :causeKey " + CLAIM_TAKE)
  List<DeliveryRow> claimCause(String causeKey, Instant now, UUID token, long holdMillis, int limit);

  /** Returns whether the alert was resolved meanwhile, so its resolution is due now. */
  @SqlQuery("""
      UPDATE alerts SET delivered_at = coalesce(delivered_at, :now), claim_token = NULL, claimed_until = NULL,
          attempts = 0, last_error = NULL, next_attempt_at = :now
      WHERE id = :id
      RETURNING resolved_at IS NOT NULL AND resolve_delivered_at IS NULL
      """)
  Optional<Boolean> triggerDelivered(long id, Instant now);

  @SqlUpdate("""
      UPDATE alerts SET resolve_delivered_at = coalesce(resolve_delivered_at, :now), claim_token = NULL,
          claimed_until = NULL, last_error = NULL
      WHERE id = :id
      """)
  int resolutionDelivered(long id, Instant now);

  @SqlUpdate("""
      UPDATE alerts SET claim_token = NULL, claimed_until = NULL, next_attempt_at = :nextAttemptAt,
          last_error = :problem
      WHERE id = :id AND claim_token = :token
      """)
  int deliveryFailed(long id, UUID token, Instant nextAttemptAt, String problem);

  /** A claimed delivery: the alert as raised and whether it is its resolution that is due. */
  record DeliveryRow(
      long id, String causeKey, String severity, String summary, String details, Instant since, int attempts,
      boolean resolution) {}
}

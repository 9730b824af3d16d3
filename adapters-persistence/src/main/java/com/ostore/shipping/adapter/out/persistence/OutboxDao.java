package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the outbox table. Its row records are nested so Jdbi can reach them (nested types are public) while the
 * package-private interface keeps them out of the module's API.
 */
interface OutboxDao {

  @SqlBatch("""
      INSERT INTO outbox (event_id, message_key, event_type, payload)
      VALUES (:eventId, :messageKey, :eventType, CAST(:payload AS jsonb))
      ON CONFLICT (event_id) DO NOTHING
      """)
  void append(@BindMethods List<OutboxRow> rows);

  /**
   * Waits for and holds one order's event lock until the current transaction ends. The two-key form
   * keeps these locks apart from the relay's one-key lock.
   */
  @SqlQuery("SELECT true FROM pg_advisory_xact_lock(:space, :key)")
  boolean advisoryTransactionLock(int space, int key);

  /**
   * {@link #advisoryTransactionLock} for several keys in one statement, taken in the order given (unnest
   * yields an array's elements in order), so callers pass them sorted.
   */
  @SqlQuery("SELECT count(pg_advisory_xact_lock(:space, key)) FROM unnest(ARRAY[<keys>]::int[]) AS key")
  long advisoryTransactionLocks(int space, @BindList("keys") List<Integer> keys);

  @SqlQuery("SELECT payload::text FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT :limit")
  List<String> unsentPayloads(int limit);

  /**
   * A relay step in one statement (its own transaction, ended before the batch goes out): marks the previous
   * batch sent, then takes or extends the lease and reads the next batch when other events wait, or ends
   * the relay's lease when none do, so an idle relay holds none. The statement's snapshot does not see its
   * own marks, so the events just marked are left out by their seq; the events still at the broker ({@code out})
   * are left out of the batch by their id but count as waiting, so the lease is kept while they are out. The advisory lock is the relay lock of
   * releases that held a transaction open across the send: while such a relay sends, this one waits, and
   * during an upgrade the two kinds keep out of each other's way. Every row says whether the lease is held
   * and whether events wait; the batch rides along.
   *
   * <p>Shaped so its cost follows the batch, not the backlog, whatever the planner's statistics say (they lag
   * behind a backlog committed at once): the previous batch is joined by event id (see {@link #markSent}); the
   * events just marked are left out through a hashed set ({@code NOT IN}), not an anti-join the planner ran as a
   * nested loop (batch size squared comparisons); and the batch's order is found on the seq numbers alone before
   * its payloads are read by primary key, so a plan that reads every waiting row sorts numbers, not payloads.
   */
  @SqlQuery("""
      WITH marked AS (
          UPDATE outbox o SET sent_at = COALESCE(o.sent_at, :sentAt) FROM unnest(:sent) AS s(event_id)
          WHERE o.event_id = s.event_id
          RETURNING o.seq),
      waiting AS (
          SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.sent_at IS NULL
                         AND o.seq NOT IN (SELECT seq FROM marked)) AS events_wait),
      lease AS (
          UPDATE outbox_relay_lease
          SET holder = :relayId,
              leased_until = clock_timestamp()
                  + CASE WHEN (SELECT events_wait FROM waiting) THEN :leaseMillis * interval '1 millisecond' ELSE interval '0' END
          WHERE ((SELECT events_wait FROM waiting) AND (holder = :relayId OR leased_until <= clock_timestamp())
                 AND pg_try_advisory_xact_lock(:relayLockKey))
             OR (NOT (SELECT events_wait FROM waiting) AND holder = :relayId AND leased_until > clock_timestamp())
          RETURNING (SELECT events_wait FROM waiting) AS held),
      next_seqs AS (
          SELECT o.seq FROM outbox o
          WHERE o.sent_at IS NULL AND o.seq NOT IN (SELECT seq FROM marked)
            AND o.event_id NOT IN (SELECT f.event_id FROM unnest(:out) AS f(event_id))
            AND EXISTS (SELECT 1 FROM lease WHERE held)
          ORDER BY o.seq LIMIT :limit),
      batch AS (
          SELECT o.seq, o.payload FROM outbox o WHERE o.seq = ANY (ARRAY(SELECT seq FROM next_seqs)))
      SELECT EXISTS (SELECT 1 FROM lease WHERE held) AS leased, (SELECT events_wait FROM waiting) AS waiting,
             batch.payload::text AS payload
      FROM (SELECT 1) AS one LEFT JOIN batch ON true
      ORDER BY batch.seq
      """)
  @RegisterConstructorMapper(ClaimRow.class)
  List<ClaimRow> claimNext(
      String relayId, UUID[] sent, UUID[] out, Instant sentAt, long leaseMillis, long relayLockKey, int limit);

  @SqlUpdate("""
      UPDATE outbox_relay_lease SET leased_until = clock_timestamp()
      WHERE holder = :relayId AND leased_until > clock_timestamp()
      """)
  int releaseRelayLease(String relayId);

  /**
   * Keeps the first time an event was sent. The condition names only the event ids: with {@code sent_at IS
   * NULL} in it too, the planner joined in the index of unsent events and read all of a backlog per batch. The ids
   * are a joined set rather than {@code = ANY(array)}: a bound array is searched element by element for each row
   * the planner scans, which with a backlog and stale statistics cost 30 million comparisons per batch.
   */
  @SqlUpdate("""
      UPDATE outbox o SET sent_at = COALESCE(o.sent_at, :sentAt) FROM unnest(:eventIds) AS s(event_id)
      WHERE o.event_id = s.event_id
      """)
  int markSent(UUID[] eventIds, Instant sentAt);

  @SqlUpdate("DELETE FROM outbox WHERE sent_at < :cutoff")
  int pruneSentBefore(Instant cutoff);

  @SqlQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
  long countUnsent();

  /** An outbox row as appended: the payload is JSON text. */
  record OutboxRow(UUID eventId, String messageKey, String eventType, String payload) {}

  /** One row of a claim: the lease outcome, and one event of the batch (null when the batch is empty). */
  record ClaimRow(boolean leased, boolean waiting, String payload) {}
}

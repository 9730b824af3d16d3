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

  /** The oldest unsent events' payloads, found by seq in outbox_unsent first and then read by primary key. */
  @SqlQuery("""
      SELECT o.payload::text FROM outbox o
      WHERE o.seq = ANY (ARRAY(SELECT u.seq FROM outbox_unsent u ORDER BY u.seq LIMIT :limit))
      ORDER BY o.seq
      """)
  List<String> unsentPayloads(int limit);

  /**
   * A relay step in one statement (its own transaction, ended before the batch goes out): marks the previous
   * batch sent, then takes or extends the lease and reads the next batch when other events wait, or ends
   * the relay's lease when none do, so an idle relay holds none. The statement's snapshot does not see its
   * own marks, so the events just marked are left out by their seq; the events still at the broker ({@code out})
   * are left out of the batch by their seq but count as waiting, so the lease is kept while they are out. The
   * advisory lock is the relay lock of releases that held a transaction open across the send: while such a relay
   * sends, this one waits, and during an upgrade the two kinds keep out of each other's way. Every row says
   * whether the lease is held and whether events wait; the batch rides along.
   *
   * <p>Marking writes no outbox row: it deletes the batch's seqs from {@code outbox_unsent} and records the first
   * send time of exactly the seqs it deleted in {@code outbox_sent} (see {@link #markSent}). Until V64 it updated
   * {@code outbox.sent_at}, which sat in both partial indexes' predicates: every mark was a non-HOT update copying
   * the payload and adding three index entries, about half of a step's time.
   *
   * <p>Shaped so its cost follows the batch, not the backlog, whatever the planner's statistics say (they lag
   * behind a backlog committed at once): the ids the relay passes are turned into seqs one by one through the
   * unique index on event_id (a scalar subquery per id, which cannot become a join that reads the whole outbox,
   * sent rows kept for the retention included); the marked seqs are deleted through the primary key of
   * outbox_unsent ({@code = ANY(ARRAY(...))}); the events just marked and those at the broker are left out
   * through hashed sets ({@code NOT IN}), not an anti-join the planner ran as a nested loop (batch size squared
   * comparisons), and the ids at the broker are looked up once (a materialised CTE: filtered where it is used,
   * its lookups would run twice); the batch's order is found on outbox_unsent's seq numbers alone before its
   * payloads are read by the outbox's primary key, so a plan that reads every waiting row sorts numbers, not
   * payloads. outbox_unsent holds only seqs, so the planner's row estimate for it (its size in pages) stays right
   * however old its statistics are.
   */
  @SqlQuery("""
      WITH sent AS (
          SELECT (SELECT o.seq FROM outbox o WHERE o.event_id = s.event_id) AS seq FROM unnest(:sent) AS s(event_id)),
      marked AS (
          DELETE FROM outbox_unsent u WHERE u.seq = ANY (ARRAY(SELECT seq FROM sent)) RETURNING u.seq),
      first_sent AS (
          INSERT INTO outbox_sent (seq, sent_at) SELECT seq, :sentAt FROM marked),
      out AS MATERIALIZED (
          SELECT (SELECT o.seq FROM outbox o WHERE o.event_id = b.event_id) AS seq FROM unnest(:out) AS b(event_id)),
      waiting AS (
          SELECT EXISTS (SELECT 1 FROM outbox_unsent u WHERE u.seq NOT IN (SELECT seq FROM marked)) AS events_wait),
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
          SELECT u.seq FROM outbox_unsent u
          WHERE u.seq NOT IN (SELECT seq FROM marked) AND u.seq NOT IN (SELECT seq FROM out WHERE seq IS NOT NULL)
            AND EXISTS (SELECT 1 FROM lease WHERE held)
          ORDER BY u.seq LIMIT :limit),
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
   * Keeps the first time an event was sent: only the seqs this statement deletes from outbox_unsent are recorded
   * in outbox_sent, so an event marked again (a relay that marks what another already marked) keeps its first
   * time, and two relays marking the same event record it once (the second delete finds the row gone). The ids
   * are turned into seqs one by one through the event_id index, as in {@link #claimNext}.
   */
  @SqlUpdate("""
      WITH marked AS (
          DELETE FROM outbox_unsent u
          WHERE u.seq = ANY (ARRAY(SELECT (SELECT o.seq FROM outbox o WHERE o.event_id = s.event_id)
                                   FROM unnest(:eventIds) AS s(event_id)))
          RETURNING u.seq)
      INSERT INTO outbox_sent (seq, sent_at) SELECT seq, :sentAt FROM marked
      """)
  int markSent(UUID[] eventIds, Instant sentAt);

  /**
   * Deletes the events first sent before the cutoff, found through outbox_sent's index on sent_at, and their
   * outbox_sent rows; counts the outbox rows deleted.
   */
  @SqlUpdate("""
      WITH pruned AS (DELETE FROM outbox_sent WHERE sent_at < :cutoff RETURNING seq)
      DELETE FROM outbox o WHERE o.seq IN (SELECT seq FROM pruned)
      """)
  int pruneSentBefore(Instant cutoff);

  @SqlQuery("SELECT count(*) FROM outbox_unsent")
  long countUnsent();

  /** An outbox row as appended: the payload is JSON text. */
  record OutboxRow(UUID eventId, String messageKey, String eventType, String payload) {}

  /** One row of a claim: the lease outcome, and one event of the batch (null when the batch is empty). */
  record ClaimRow(boolean leased, boolean waiting, String payload) {}
}

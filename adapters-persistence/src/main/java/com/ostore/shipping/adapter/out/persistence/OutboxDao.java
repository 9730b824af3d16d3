package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
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

  @SqlQuery("SELECT payload::text FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT :limit")
  List<String> unsentPayloads(int limit);

  /**
   * Takes or extends the relay lease and reads the batch in one statement (its own transaction, ended
   * before the batch goes out). The lease is taken only when something waits, so an idle relay holds
   * none. The advisory lock is the relay lock of releases that held a transaction open across the send:
   * while such a relay sends, this one waits, and during an upgrade the two kinds keep out of each other's
   * way. Every row says whether the lease was taken and whether events wait; the batch rides along.
   */
  @SqlQuery("""
      WITH lease AS (
          UPDATE outbox_relay_lease
          SET holder = :relayId, leased_until = clock_timestamp() + :leaseMillis * interval '1 millisecond'
          WHERE (holder = :relayId OR leased_until <= clock_timestamp())
            AND EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL)
            AND pg_try_advisory_xact_lock(:relayLockKey)
          RETURNING holder),
      batch AS (
          SELECT seq, payload FROM outbox
          WHERE sent_at IS NULL AND EXISTS (SELECT 1 FROM lease)
          ORDER BY seq LIMIT :limit)
      SELECT EXISTS (SELECT 1 FROM lease) AS leased, EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL) AS waiting,
             batch.payload::text AS payload
      FROM (SELECT 1) AS one LEFT JOIN batch ON true
      ORDER BY batch.seq
      """)
  @RegisterConstructorMapper(ClaimRow.class)
  List<ClaimRow> claimUnsent(String relayId, long leaseMillis, long relayLockKey, int limit);

  @SqlUpdate("""
      UPDATE outbox_relay_lease SET leased_until = clock_timestamp()
      WHERE holder = :relayId AND leased_until > clock_timestamp()
      """)
  int releaseRelayLease(String relayId);

  @SqlUpdate("UPDATE outbox SET sent_at = :sentAt WHERE event_id = ANY(:eventIds) AND sent_at IS NULL")
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

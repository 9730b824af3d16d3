package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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

  /** Held until the current transaction ends; outside one it would be released at once. */
  @SqlQuery("SELECT pg_try_advisory_xact_lock(:key)")
  boolean tryAdvisoryTransactionLock(long key);

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

  @SqlUpdate("UPDATE outbox SET sent_at = :sentAt WHERE event_id IN (<eventIds>) AND sent_at IS NULL")
  int markSent(@BindList("eventIds") Collection<UUID> eventIds, Instant sentAt);

  @SqlUpdate("DELETE FROM outbox WHERE sent_at < :cutoff")
  int pruneSentBefore(Instant cutoff);

  @SqlQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
  long countUnsent();

  /** An outbox row as appended: the payload is JSON text. */
  record OutboxRow(UUID eventId, String messageKey, String eventType, String payload) {}
}

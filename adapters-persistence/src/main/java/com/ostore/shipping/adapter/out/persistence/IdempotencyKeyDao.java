package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the idempotency_keys table; its row record is nested for the reason given on {@link CarrierDao}. */
@RegisterConstructorMapper(IdempotencyKeyDao.OutcomeRow.class)
interface IdempotencyKeyDao {

  /**
   * Inserts the claim, or takes over an expired one. On a key another transaction has just claimed,
   * PostgreSQL makes this statement wait for that transaction and then finds the conflict: 0 rows.
   */
  @SqlUpdate("""
      INSERT INTO idempotency_keys (caller_id, idempotency_key, request_fingerprint, claimed_at)
      VALUES (:callerId, :key, :fingerprint, :now)
      ON CONFLICT (caller_id, idempotency_key) DO UPDATE
        SET request_fingerprint = EXCLUDED.request_fingerprint, claimed_at = EXCLUDED.claimed_at,
            shipment_id = NULL, response = NULL
        WHERE idempotency_keys.claimed_at < :expiredBefore
      """)
  int claim(String callerId, String key, String fingerprint, Instant now, Instant expiredBefore);

  @SqlUpdate("""
      UPDATE idempotency_keys SET shipment_id = :shipmentId, response = :response
      WHERE caller_id = :callerId AND idempotency_key = :key
      """)
  int recordOutcome(String callerId, String key, long shipmentId, String response);

  @SqlQuery("""
      SELECT request_fingerprint, shipment_id, response FROM idempotency_keys
      WHERE caller_id = :callerId AND idempotency_key = :key AND shipment_id IS NOT NULL
      """)
  Optional<OutcomeRow> find(String callerId, String key);

  @SqlUpdate("DELETE FROM idempotency_keys WHERE claimed_at < :cutoff")
  int purgeClaimedBefore(Instant cutoff);

  /** A stored outcome as read. */
  record OutcomeRow(String requestFingerprint, long shipmentId, String response) {}
}

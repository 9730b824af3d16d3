package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the idempotency_keys table; its row record is nested for the reason given on {@link CarrierDao}. */
@RegisterConstructorMapper(IdempotencyKeyDao.OutcomeRow.class)
interface IdempotencyKeyDao {

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

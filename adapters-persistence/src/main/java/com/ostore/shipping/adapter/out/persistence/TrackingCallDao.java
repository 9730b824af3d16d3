package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the tracking_calls table and the per-carrier row that serialises its writers. */
interface TrackingCallDao {

  /**
   * Creates the carrier's budget row if need be and locks it until the transaction ends, so the count and
   * insert of {@link #recordUnlessSpent} cannot interleave with another instance's.
   */
  @SqlQuery("""
      INSERT INTO tracking_call_budgets (carrier) VALUES (:carrier)
      ON CONFLICT (carrier) DO UPDATE SET carrier = EXCLUDED.carrier
      RETURNING carrier
      """)
  String lockBudget(String carrier);

  /**
   * Forgets the carrier's calls up to {@code since} and records one at {@code at} unless {@code limit} were made
   * after {@code since}; empty when the budget was spent. Run after {@link #lockBudget}, in a statement of its
   * own: its snapshot is taken once the lock is held, so it counts every call committed before.
   */
  @SqlQuery("""
      WITH forgotten AS (DELETE FROM tracking_calls WHERE carrier = :carrier AND made_at <= :since),
      made AS (SELECT count(*) AS calls FROM tracking_calls WHERE carrier = :carrier AND made_at > :since)
      INSERT INTO tracking_calls (carrier, made_at)
      SELECT :carrier, :at FROM made WHERE calls < :limit
      RETURNING made_at
      """)
  Optional<Instant> recordUnlessSpent(String carrier, Instant at, Instant since, int limit);

  @SqlQuery("SELECT count(*) FROM tracking_calls WHERE carrier = :carrier AND made_at > :since")
  int countSince(String carrier, Instant since);
}

package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the tracking_calls table and the per-carrier row that serialises its writers. */
interface TrackingCallDao {

  @SqlUpdate("INSERT INTO tracking_call_budgets (carrier) VALUES (:carrier) ON CONFLICT DO NOTHING")
  void ensureBudget(String carrier);

  /** Held until the transaction ends: the count and the insert after it cannot interleave with another's. */
  @SqlQuery("SELECT carrier FROM tracking_call_budgets WHERE carrier = :carrier FOR UPDATE")
  String lockBudget(String carrier);

  @SqlUpdate("DELETE FROM tracking_calls WHERE carrier = :carrier AND made_at <= :since")
  void forgetUpTo(String carrier, Instant since);

  @SqlQuery("SELECT count(*) FROM tracking_calls WHERE carrier = :carrier AND made_at > :since")
  int countSince(String carrier, Instant since);

  @SqlUpdate("INSERT INTO tracking_calls (carrier, made_at) VALUES (:carrier, :at)")
  void record(String carrier, Instant at);
}

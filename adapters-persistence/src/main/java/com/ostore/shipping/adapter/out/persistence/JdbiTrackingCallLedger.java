package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Tracking calls in PostgreSQL, one row per call. A recording locks its carrier's budget row first, so the
 * count it makes and the row it adds are one step for every instance: two cannot both take the last call.
 */
final class JdbiTrackingCallLedger implements TrackingCallLedger {
  private final Jdbi jdbi;

  JdbiTrackingCallLedger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int callsSince(CarrierCode carrier, Instant since) {
    return jdbi.withExtension(TrackingCallDao.class, dao -> dao.countSince(carrier.wireName(), since));
  }

  @Override
  public boolean tryRecord(CarrierCode carrier, Instant at, Instant since, int limit) {
    String name = carrier.wireName();
    return jdbi.inTransaction(handle -> {
      TrackingCallDao dao = handle.attach(TrackingCallDao.class);
      dao.lockBudget(name);
      return dao.recordUnlessSpent(name, at, since, limit).isPresent();
    });
  }
}

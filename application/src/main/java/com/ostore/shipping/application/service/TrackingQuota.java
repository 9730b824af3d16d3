package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tracking calls the service may make to each carrier: at most its budget in any hour (a sliding
 * hour, so no clock hour the carrier counts can hold more either), counted across every instance in the
 * shared {@link TrackingCallLedger}. A carrier without a budget is not limited. A carrier that refused this
 * instance for quota with a Retry-After gets no call from it before that time: a call sure to be refused
 * would only spend the quota again.
 */
final class TrackingQuota {
  private static final Duration HOUR = Duration.ofHours(1);

  private final Map<CarrierCode, Integer> callsPerHour;
  private final TrackingCallLedger ledger;
  private final Map<CarrierCode, Instant> refusedUntil = new EnumMap<>(CarrierCode.class);
  private final Map<CarrierCode, Integer> backlog = new EnumMap<>(CarrierCode.class);

  TrackingQuota(Map<CarrierCode, Integer> callsPerHour, TrackingCallLedger ledger) {
    this.callsPerHour = Map.copyOf(callsPerHour);
    this.ledger = ledger;
  }

  /** How many tracking calls to this carrier may go out now; {@link Integer#MAX_VALUE} when unlimited. */
  int available(CarrierCode carrier, Instant now) {
    if (refused(carrier, now)) {
      return 0;
    }
    Integer budget = callsPerHour.get(carrier);
    if (budget == null) {
      return Integer.MAX_VALUE;
    }
    return Math.max(0, budget - ledger.callsSince(carrier, now.minus(HOUR)));
  }

  /**
   * Takes one call of the carrier's budget for a call made at {@code at}; false when the carrier refuses
   * until later, or when the calls of every instance in the past hour have spent the budget.
   */
  boolean trySpend(CarrierCode carrier, Instant at) {
    if (refused(carrier, at)) {
      return false;
    }
    Integer budget = callsPerHour.get(carrier);
    return budget == null || ledger.tryRecord(carrier, at, at.minus(HOUR), budget);
  }

  private synchronized boolean refused(CarrierCode carrier, Instant now) {
    Instant until = refusedUntil.get(carrier);
    return until != null && now.isBefore(until);
  }

  synchronized void refusedUntil(CarrierCode carrier, Instant until) {
    refusedUntil.merge(carrier, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Orders due that the last run of this carrier had to leave for later for want of quota. */
  synchronized void backlog(CarrierCode carrier, int orders) {
    backlog.put(carrier, orders);
  }

  synchronized Map<CarrierCode, Integer> backlog() {
    Map<CarrierCode, Integer> copy = new EnumMap<>(CarrierCode.class);
    for (CarrierCode carrier : CarrierCode.values()) {
      copy.put(carrier, backlog.getOrDefault(carrier, 0));
    }
    return copy;
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tracking calls this instance may make to each carrier: at most its budget in any hour (a sliding
 * hour, so no clock hour the carrier counts can hold more either). A carrier without a budget is not
 * limited. A carrier that refused for quota with a Retry-After gets no call before that time: a call
 * sure to be refused would only spend the quota again.
 */
final class TrackingQuota {
  private static final Duration HOUR = Duration.ofHours(1);

  private final Map<CarrierCode, Integer> callsPerHour;
  private final Map<CarrierCode, Deque<Instant>> calls = new EnumMap<>(CarrierCode.class);
  private final Map<CarrierCode, Instant> refusedUntil = new EnumMap<>(CarrierCode.class);
  private final Map<CarrierCode, Integer> backlog = new EnumMap<>(CarrierCode.class);

  TrackingQuota(Map<CarrierCode, Integer> callsPerHour) {
    this.callsPerHour = Map.copyOf(callsPerHour);
  }

  /** How many tracking calls to this carrier may go out now; {@link Integer#MAX_VALUE} when unlimited. */
  synchronized int available(CarrierCode carrier, Instant now) {
    Instant until = refusedUntil.get(carrier);
    if (until != null && now.isBefore(until)) {
      return 0;
    }
    Integer budget = callsPerHour.get(carrier);
    if (budget == null) {
      return Integer.MAX_VALUE;
    }
    Deque<Instant> made = calls.computeIfAbsent(carrier, c -> new ArrayDeque<>());
    while (!made.isEmpty() && !made.peekFirst().isAfter(now.minus(HOUR))) {
      made.pollFirst();
    }
    return Math.max(0, budget - made.size());
  }

  synchronized void spent(CarrierCode carrier, Instant at) {
    if (callsPerHour.containsKey(carrier)) {
      calls.computeIfAbsent(carrier, c -> new ArrayDeque<>()).addLast(at);
    }
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

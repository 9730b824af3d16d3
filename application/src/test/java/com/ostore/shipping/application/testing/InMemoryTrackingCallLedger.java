package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Tracking calls in a list per carrier; one lock makes each recording a single step, as the real ledger's row lock does. */
public final class InMemoryTrackingCallLedger implements TrackingCallLedger {
  private final Map<CarrierCode, List<Instant>> calls = new EnumMap<>(CarrierCode.class);

  @Override
  public synchronized int callsSince(CarrierCode carrier, Instant since) {
    return (int) calls.getOrDefault(carrier, List.of()).stream().filter(at -> at.isAfter(since)).count();
  }

  @Override
  public synchronized boolean tryRecord(CarrierCode carrier, Instant at, Instant since, int limit) {
    List<Instant> made = calls.computeIfAbsent(carrier, c -> new ArrayList<>());
    made.removeIf(call -> !call.isAfter(since));
    if (made.size() >= limit) {
      return false;
    }
    made.add(at);
    return true;
  }
}

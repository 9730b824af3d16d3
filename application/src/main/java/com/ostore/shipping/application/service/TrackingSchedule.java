package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.OrderId;
import java.time.Duration;
import java.time.Instant;

/**
 * When an order is tracked next: one interval later, shifted by a fixed per-order amount within the
 * spread so that the day's orders are spread over hours instead of all hitting the carriers at once.
 */
record TrackingSchedule(Duration interval, Duration spread) {

  Instant nextRun(OrderId orderId, Instant from) {
    long spreadMillis = spread.toMillis();
    if (spreadMillis == 0) {
      return from.plus(interval);
    }
    // A multiplicative hash spreads consecutive order ids evenly over the window.
    long slot = Math.floorMod(orderId.value() * 0x9E3779B97F4A7C15L, spreadMillis);
    return from.plus(interval).minusMillis(spreadMillis / 2).plusMillis(slot);
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.OrderId;
import java.time.Duration;
import java.time.Instant;

/**
 * When an order is tracked. Its daily time is set once, when its first run is scheduled: one interval
 * after its labels, shifted by a fixed per-order amount within the spread so that the day's orders are
 * spread over hours instead of all hitting the carriers at once. Every later run keeps that time: it is
 * counted from when the run was due, never from when it happened, so neither the spread nor a run's
 * lateness or earliness adds up from one day to the next.
 */
record TrackingSchedule(Duration interval, Duration spread) {

  /** The first run of an order whose labels were bought at {@code from}. */
  Instant nextRun(OrderId orderId, Instant from) {
    long spreadMillis = spread.toMillis();
    if (spreadMillis == 0) {
      return from.plus(interval);
    }
    // A multiplicative hash spreads consecutive order ids evenly over the window.
    long slot = Math.floorMod(orderId.value() * 0x9E3779B97F4A7C15L, spreadMillis);
    return from.plus(interval).minusMillis(spreadMillis / 2).plusMillis(slot);
  }

  /**
   * The run after one that was due at {@code dueAt} and ran at {@code now} (early to fill a batch, on time,
   * or late): the first of the order's daily times after {@code now}. A run late by more than an interval
   * (a long outage) skips the days it missed rather than catch up on them one after the other.
   */
  Instant runAfter(Instant dueAt, Instant now) {
    Instant next = dueAt.plus(interval);
    if (next.isAfter(now)) {
      return next;
    }
    long missed = Duration.between(dueAt, now).toMillis() / interval.toMillis();
    next = dueAt.plus(interval.multipliedBy(missed));
    return next.isAfter(now) ? next : next.plus(interval);
  }
}

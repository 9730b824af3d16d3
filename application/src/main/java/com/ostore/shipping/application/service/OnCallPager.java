package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.AlertDelivery;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages on-call through the alert store. An alert is recorded once per cause, sent by whichever
 * instance claims it (never by two), and counts as sent only once the pager accepted it; until then it
 * is sent again with backoff under the same dedup key (the pager merges repeats) and the log carries
 * the alert meanwhile. Resolutions are recorded with the work that ends the cause and sent the same way.
 */
final class OnCallPager {
  private static final Logger LOG = LoggerFactory.getLogger(OnCallPager.class);
  /**
   * How long one instance holds a delivery, by the alert store's clock (the database's): far above one
   * pager call, which times out after seconds.
   */
  static final Duration CLAIM_HOLD = Duration.ofMinutes(2);
  /** A pager outage is ridden out quickly: 10 s doubling to 5 min between tries. */
  static final RetryBackoff RETRY = RetryBackoff.of(Duration.ofSeconds(10), Duration.ofMinutes(5));
  private static final String CARRIER_CAUSE = "ostore-shipping-carrier-unavailable-";
  private static final int DELIVERIES_PER_RUN = 50;

  private final AlertRepository alerts;
  private final OnCallAlerter alerter;
  private final Clock clock;

  OnCallPager(AlertRepository alerts, OnCallAlerter alerter, Clock clock) {
    this.alerts = alerts;
    this.alerter = alerter;
    this.clock = clock;
  }

  /** The cause (dedup key) of a carrier that does not answer anyone: one alert for all its stale work. */
  static String carrierUnavailable(CarrierCode carrier) {
    return CARRIER_CAUSE + carrier.wireName();
  }

  static Optional<CarrierCode> carrierOf(String cause) {
    if (cause == null || !cause.startsWith(CARRIER_CAUSE)) {
      return Optional.empty();
    }
    String name = cause.substring(CARRIER_CAUSE.length());
    for (CarrierCode carrier : CarrierCode.values()) {
      if (carrier.wireName().equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(carrier);
      }
    }
    return Optional.empty();
  }

  /**
   * Raises the alert unless its cause has one open; the caller that opened it logs it and tries the
   * pager at once. Returns whether this call opened it.
   */
  boolean raise(OnCallAlert alert) {
    if (!alerts.raise(alert, clock.instant())) {
      return false;
    }
    LOG.error("oncall_alert action=trigger dedupKey={} severity={} since={} summary=\"{}\" details={}",
        alert.dedupKey(), alert.severity(), alert.since(), alert.summary(), alert.details());
    deliver(alert.dedupKey());
    return true;
  }

  /**
   * Resolves the cause's open alert; call it inside the transaction that finishes the work, then
   * {@link #announceResolved} after the commit. Returns whether one was open.
   */
  boolean resolve(String cause) {
    return alerts.resolve(cause, clock.instant());
  }

  /** {@link #resolve} for several causes at once; returns those that had an open alert. */
  Set<String> resolveAll(Collection<String> causes) {
    return causes.isEmpty() ? Set.of() : alerts.resolveAll(causes, clock.instant());
  }

  /** After the commit that resolved the cause: logs it and tells the pager (retried later if it fails). */
  void announceResolved(String cause) {
    LOG.info("oncall_alert action=resolve dedupKey={}", cause);
    deliver(cause);
  }

  /** Sends whatever is due for this cause, if no other instance is sending it. */
  void deliver(String cause) {
    alerts.claim(cause, clock.instant(), CLAIM_HOLD).forEach(this::send);
  }

  /** Sends the due deliveries nobody holds (pages the pager refused before, resolutions, orphans). */
  int deliverDue() {
    List<AlertDelivery> due = alerts.claimDue(clock.instant(), CLAIM_HOLD, DELIVERIES_PER_RUN);
    due.forEach(this::send);
    return due.size();
  }

  private void send(AlertDelivery delivery) {
    OnCallDelivery outcome = attempt(delivery);
    String action = delivery.action().name().toLowerCase(Locale.ROOT);
    String key = delivery.alert().dedupKey();
    if (outcome.accepted()) {
      LOG.info("oncall_alert action={} dedupKey={} accepted by the pager (attempt {})", action, key,
          delivery.attempts());
      if (alerts.delivered(delivery, clock.instant())) {
        deliver(key); // the cause ended while its page was on the way: the resolution follows at once
      }
      return;
    }
    Instant next = clock.instant().plus(RETRY.delayAfter(delivery.attempts()));
    alerts.deliveryFailed(delivery, next, outcome.problem());
    LOG.error("oncall_alert action={} dedupKey={} NOT accepted by the pager (attempt {}): {}; sent again from {}"
        + " under the same key; summary=\"{}\"", action, key, delivery.attempts(), outcome.problem(), next,
        delivery.alert().summary());
  }

  private OnCallDelivery attempt(AlertDelivery delivery) {
    try {
      return delivery.action() == AlertDelivery.Action.TRIGGER
          ? alerter.trigger(delivery.alert())
          : alerter.resolve(delivery.alert().dedupKey());
    } catch (RuntimeException e) {
      return OnCallDelivery.failed(e.toString());
    }
  }
}

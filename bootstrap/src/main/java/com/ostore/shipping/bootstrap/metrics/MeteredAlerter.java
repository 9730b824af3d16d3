package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts on-call alerts raised and resolved, whether or not a PagerDuty webhook is configured. An alert
 * is counted when the pager accepted it: a refused page is sent again later under the same key, and
 * counted then (the refusals are counted apart).
 */
final class MeteredAlerter implements OnCallAlerter {
  private final OnCallAlerter alerter;
  private final Counter raised;
  private final Counter resolved;
  private final Counter triggerRefused;
  private final Counter resolveRefused;

  MeteredAlerter(OnCallAlerter alerter, MeterRegistry registry) {
    this.alerter = alerter;
    this.raised = Counter.builder("shipping.alerts").description("On-call alerts the pager accepted")
        .tag("action", "raised").register(registry);
    this.resolved = Counter.builder("shipping.alerts").description("On-call alerts the pager accepted")
        .tag("action", "resolved").register(registry);
    this.triggerRefused = Counter.builder("shipping.alert.deliveries.failed")
        .description("Pager calls that were not accepted (sent again later)").tag("action", "raised").register(registry);
    this.resolveRefused = Counter.builder("shipping.alert.deliveries.failed")
        .description("Pager calls that were not accepted (sent again later)").tag("action", "resolved")
        .register(registry);
  }

  @Override
  public OnCallDelivery trigger(OnCallAlert alert) {
    OnCallDelivery outcome = alerter.trigger(alert);
    (outcome.accepted() ? raised : triggerRefused).increment();
    return outcome;
  }

  @Override
  public OnCallDelivery resolve(String dedupKey) {
    OnCallDelivery outcome = alerter.resolve(dedupKey);
    (outcome.accepted() ? resolved : resolveRefused).increment();
    return outcome;
  }
}

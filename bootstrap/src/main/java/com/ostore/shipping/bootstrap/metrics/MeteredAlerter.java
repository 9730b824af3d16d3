package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts on-call alerts raised and resolved, whether or not a PagerDuty webhook is configured. */
final class MeteredAlerter implements OnCallAlerter {
  private final OnCallAlerter alerter;
  private final Counter raised;
  private final Counter resolved;

  MeteredAlerter(OnCallAlerter alerter, MeterRegistry registry) {
    this.alerter = alerter;
    this.raised = Counter.builder("shipping.alerts").description("On-call alerts").tag("action", "raised")
        .register(registry);
    this.resolved = Counter.builder("shipping.alerts").description("On-call alerts").tag("action", "resolved")
        .register(registry);
  }

  @Override
  public void trigger(OnCallAlert alert) {
    raised.increment();
    alerter.trigger(alert);
  }

  @Override
  public void resolve(String dedupKey) {
    resolved.increment();
    alerter.resolve(dedupKey);
  }
}

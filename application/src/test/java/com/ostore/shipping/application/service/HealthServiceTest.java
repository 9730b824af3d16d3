package com.ostore.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.CarrierCode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();

  @Test
  void readinessDetailsReportEachCarriersTrackingBacklogAsTheLastRunLeftIt() {
    Map<CarrierCode, Integer> backlog = new EnumMap<>(CarrierCode.class);
    HealthService health = new HealthService(fixture.tasks, fixture.outbox, () -> Map.copyOf(backlog));
    backlog.put(CarrierCode.FEDEX, 0);
    backlog.put(CarrierCode.USPS, 42);

    assertThat(health.health().ready()).isTrue();
    assertThat(health.health().details()).containsEntry("fedex_tracking_backlog", 0)
        .containsEntry("usps_tracking_backlog", 42);

    backlog.put(CarrierCode.USPS, 0);
    assertThat(health.health().details()).containsEntry("usps_tracking_backlog", 0);
  }
}

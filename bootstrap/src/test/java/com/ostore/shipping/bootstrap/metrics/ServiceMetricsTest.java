package com.ostore.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.RequestObserver;
import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {
  @Test
  void everyRequestIsCountedUnderItsOwnMethodRouteAndStatusWhenTheObserverKeepsItsTimers() {
    try (ServiceMetrics metrics = new ServiceMetrics()) {
      RequestObserver requests = metrics.httpRequests();
      for (int i = 0; i < 3; i++) {
        requests.finished("GET", "/shipments/{shipmentID}", 200, Duration.ofMillis(2));
      }
      requests.finished("GET", "/shipments/{shipmentID}", 404, Duration.ofMillis(1));
      requests.finished("POST", "/shipments", 201, Duration.ofMillis(5));
      requests.finished("POST", "/shipments", 201, Duration.ofMillis(7));

      String text = metrics.scrape();

      assertThat(text)
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/shipments/{shipmentID}\",status=\"200\"} 3")
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/shipments/{shipmentID}\",status=\"404\"} 1")
          .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/shipments\",status=\"201\"} 2")
          .contains("http_server_requests_seconds_sum{method=\"POST\",route=\"/shipments\",status=\"201\"} 0.012");
    }
  }

  @Test
  void theTrackingBacklogIsAGaugePerCarrierThatFollowsTheLastRun() {
    try (ServiceMetrics metrics = new ServiceMetrics()) {
      Map<CarrierCode, Integer> backlog = new EnumMap<>(CarrierCode.class);
      metrics.trackingBacklog(() -> Map.copyOf(backlog));
      backlog.put(CarrierCode.USPS, 17);

      assertThat(metrics.scrape())
          .contains("shipping_tracking_backlog{carrier=\"usps\"} 17.0")
          .contains("shipping_tracking_backlog{carrier=\"fedex\"} 0.0");

      backlog.put(CarrierCode.USPS, 0);
      assertThat(metrics.scrape()).contains("shipping_tracking_backlog{carrier=\"usps\"} 0.0");
    }
  }
}

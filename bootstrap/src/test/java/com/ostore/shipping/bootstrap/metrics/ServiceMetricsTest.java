package com.ostore.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.RequestObserver;
import java.time.Duration;
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
}

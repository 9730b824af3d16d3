package com.ostore.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.support.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  @Test
  void withATokenConfiguredOnlyTheRightBearerTokenGetsTheMetrics() throws Exception {
    try (ServiceMetrics metrics = new ServiceMetrics();
        MetricsEndpoint endpoint = MetricsEndpoint.start(0, Optional.of(Secret.of("scrape-secret")), metrics)) {
      metrics.httpRequests().finished("GET", "/shipments/{shipmentID}", 200, Duration.ofMillis(12));

      HttpResponse<String> anonymous = get(endpoint, null);
      HttpResponse<String> wrong = get(endpoint, "Bearer scrape-secreT");
      HttpResponse<String> right = get(endpoint, "Bearer scrape-secret");

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
      assertThat(anonymous.body()).doesNotContain("http_server_requests");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(right.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(right.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/shipments/{shipmentID}\","
          + "status=\"200\"} 1");
    }
  }

  @Test
  void withoutATokenTheSeparatePortAnswersAnyone() throws Exception {
    try (ServiceMetrics metrics = new ServiceMetrics();
        MetricsEndpoint endpoint = MetricsEndpoint.start(0, Optional.empty(), metrics)) {
      assertThat(get(endpoint, null).statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(MetricsEndpoint endpoint, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    // A fresh client per call: the JDK client would otherwise reuse an Authorization it saw answered with 401.
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

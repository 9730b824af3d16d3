package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.application.port.in.CheckHealthUseCase.Health;
import java.util.Map;

/** Liveness or readiness: {@code up} or {@code down}, with the readiness details when there are any. */
record HealthResponse(@JsonProperty("status") String status, @JsonProperty("details") Map<String, Object> details) {
  static HealthResponse up() {
    return new HealthResponse("up", null);
  }

  static HealthResponse from(Health health) {
    return new HealthResponse(health.ready() ? "up" : "down", health.details());
  }
}

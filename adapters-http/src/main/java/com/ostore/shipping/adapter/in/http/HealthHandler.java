package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /health/live} (the process answers) and {@code GET /health/ready} (it can do its work). */
final class HealthHandler {
  private final CheckHealthUseCase useCase;

  HealthHandler(CheckHealthUseCase useCase) {
    this.useCase = useCase;
  }

  void live(Context ctx) {
    ctx.json(HealthResponse.up());
  }

  void ready(Context ctx) {
    CheckHealthUseCase.Health health = useCase.health();
    ctx.status(health.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(HealthResponse.from(health));
  }
}

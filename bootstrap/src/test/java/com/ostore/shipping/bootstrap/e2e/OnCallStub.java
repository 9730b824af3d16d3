package com.ostore.shipping.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for PagerDuty's Events API v2 endpoint that keeps every event it receives. */
final class OnCallStub implements AutoCloseable {
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final Javalin app;

  OnCallStub() {
    app = Javalin.create(config -> config.routes.post("/v2/enqueue", ctx -> {
      events.add(ServiceUnderTest.JSON.readTree(ctx.body()));
      ctx.status(202).result("{\"status\":\"success\"}");
    })).start("127.0.0.1", 0);
  }

  String url() {
    return "http://127.0.0.1:" + app.port() + "/v2/enqueue";
  }

  List<JsonNode> events(String action) {
    return events.stream().filter(e -> action.equals(e.path("event_action").asText())).toList();
  }

  @Override
  public void close() {
    app.stop();
  }
}

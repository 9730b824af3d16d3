package com.ostore.shipping.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for PagerDuty's Events API v2 endpoint that keeps every event it receives with the status
 * it answered: {@code 202} as PagerDuty does, or another status while a test makes it fail.
 */
public final class OnCallStub implements AutoCloseable {
  /** One request as received, and what the stub answered. */
  public record Received(JsonNode event, int status) {
    public boolean accepted() {
      return status == 202;
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 202;
  private final Javalin app;

  public OnCallStub() {
    app = Javalin.create(config -> config.routes.post("/v2/enqueue", ctx -> {
      int answer = status;
      received.add(new Received(ServiceUnderTest.JSON.readTree(ctx.body()), answer));
      ctx.status(answer).result(answer == 202 ? "{\"status\":\"success\"}" : "{\"status\":\"unavailable\"}");
    })).start("127.0.0.1", 0);
  }

  public String url() {
    return "http://127.0.0.1:" + app.port() + "/v2/enqueue";
  }

  /** Every later request is answered with this status (202 is PagerDuty accepting the event). */
  public void answerWith(int httpStatus) {
    this.status = httpStatus;
  }

  /** The events of this action ({@code trigger}, {@code resolve}), whatever the stub answered. */
  public List<JsonNode> events(String action) {
    return requests(action).stream().map(Received::event).toList();
  }

  /** The requests of this action with the stub's answers, in order. */
  public List<Received> requests(String action) {
    return received.stream().filter(r -> action.equals(r.event().path("event_action").asText())).toList();
  }

  @Override
  public void close() {
    app.stop();
  }
}

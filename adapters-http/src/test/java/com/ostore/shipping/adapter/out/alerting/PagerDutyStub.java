package com.ostore.shipping.adapter.out.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A local stand-in for the Events API: records every body and answers with scripted statuses. */
final class PagerDutyStub implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final Queue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hang;
  private volatile String responseBody = "{\"status\":\"success\",\"message\":\"Event processed\"}";
  private final Javalin server;

  PagerDutyStub() {
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/v2/enqueue", ctx -> {
        bodies.add(ctx.body());
        if (hang) {
          release.await(30, TimeUnit.SECONDS);
        }
        Integer status = scriptedStatuses.poll();
        ctx.status(status == null ? 202 : status).contentType("application/json").result(responseBody);
      });
    }).start(0);
  }

  URI url() {
    return URI.create("http://localhost:" + server.port() + "/v2/enqueue");
  }

  /** The next responses' statuses, in order; afterwards 202. */
  void answer(Integer... statuses) {
    scriptedStatuses.addAll(List.of(statuses));
  }

  void answerWithBody(String body) {
    responseBody = body;
  }

  /** Holds every request until the stub is closed, so callers run into their timeout. */
  void hang() {
    hang = true;
  }

  /** Lets held requests answer. */
  void release() {
    release.countDown();
  }

  List<JsonNode> received() {
    return bodies.stream().map(PagerDutyStub::parse).toList();
  }

  private static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop();
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that retries {@code POST /shipments} with its {@code Idempotency-Key}, one after the other or
 * all at once, against the running service and real PostgreSQL: one shipment, one label bought at the
 * carrier, and the same answer every time.
 */
class IdempotentCreateIT {
  private static final int CONCURRENT_RETRIES = 8;

  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of());
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
  }

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndNothingIsBoughtTwice() {
    Map<String, Long> before = database.rowCounts();
    long labelsBefore = sandbox.fedex().counters().labelsCreated();
    String body = ShipmentRequests.fedex(9101, 1);

    HttpResponse<String> first = create("checkout-9101-attempt", body);
    HttpResponse<String> retry = create("checkout-9101-attempt", body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertSameAnswer(retry, first);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    awaitLabelled(first);
    assertThat(database.rowCounts()).containsEntry("shipments", before.get("shipments") + 1)
        .containsEntry("labels", before.get("labels") + 1)
        .containsEntry("idempotency_keys", before.get("idempotency_keys") + 1);
    assertThat(sandbox.fedex().counters().labelsCreated()).isEqualTo(labelsBefore + 1);
  }

  @Test
  void retriesArrivingAllAtOnceCreateOneShipmentBuyOneLabelAndAllGetTheSameAnswer() throws Exception {
    Map<String, Long> before = database.rowCounts();
    long labelsBefore = sandbox.fedex().counters().labelsCreated();
    String body = ShipmentRequests.fedex(9102, 1);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_RETRIES);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < CONCURRENT_RETRIES; i++) {
        calls.add(clients.submit(() -> {
          go.await();
          return create("checkout-9102-attempt", body);
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> call : calls) {
        answers.add(call.get(60, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }

    HttpResponse<String> first = answers.get(0);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(answers).allSatisfy(answer -> assertSameAnswer(answer, first));
    assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty()))
        .as("exactly one request created the shipment").hasSize(1);
    awaitLabelled(first);
    assertThat(database.rowCounts()).containsEntry("shipments", before.get("shipments") + 1)
        .containsEntry("packages", before.get("packages") + 1)
        .containsEntry("labels", before.get("labels") + 1)
        .containsEntry("idempotency_keys", before.get("idempotency_keys") + 1);
    assertThat(sandbox.fedex().counters().labelsCreated()).isEqualTo(labelsBefore + 1);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
    HttpResponse<String> first = create("checkout-9103-attempt", ShipmentRequests.fedex(9103, 1));
    awaitLabelled(first);
    Map<String, Long> before = database.rowCounts();

    HttpResponse<String> other = create("checkout-9103-attempt", ShipmentRequests.fedex(9103, 2));

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(ServiceUnderTest.json(other).get("error").asText()).contains("already used for a different request");
    assertThat(database.rowCounts()).isEqualTo(before);
  }

  private static HttpResponse<String> create(String key, String body) {
    return service.send(service.request("/shipments").header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static void assertSameAnswer(HttpResponse<String> answer, HttpResponse<String> first) {
    assertThat(answer.statusCode()).isEqualTo(first.statusCode());
    assertThat(answer.body()).isEqualTo(first.body());
    assertThat(answer.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
        .isPresent();
  }

  /** Waits until the shipment's labels are bought and its work is done, so counts stand still. */
  private static void awaitLabelled(HttpResponse<String> created) {
    long id = ServiceUnderTest.json(created).get("shipmentID").asLong();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        service.getJson("/shipments/" + id).get("shipmentStatus").asText().equals("label_created")
            && database.labelTask(id).map(task -> task.state().equals("done")).orElse(false));
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An end-to-end run watched through {@code /metrics} and {@code /health/ready}, as an operator would:
 * labels bought and refused, a hung carrier call, a carrier outage long enough to page on-call and then
 * its recovery, a Kafka outage. Every metric family the issue lists must show a value that changed
 * during the run, not merely be present; readiness reports Kafka without turning unready for it.
 */
class OperabilityIT {
  private static final List<String> FAMILIES = List.of(
      "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "shipping_tasks",
      "shipping_tasks_oldest_due_age_seconds", "shipping_carrier_calls_seconds_count",
      "shipping_carrier_calls_seconds_bucket", "shipping_carrier_quota_remaining", "shipping_outbox_unsent",
      "shipping_outbox_oldest_unsent_age_seconds", "shipping_events_published_total", "shipping_alerts_total",
      "shipping_background_loop_last_success_age_seconds");
  /** Retries come 8 to 12 minutes apart (10 minutes, 20 % jitter): this always passes the next one. */
  private static final Duration PAST_NEXT_RETRY = Duration.ofMinutes(13);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static ServiceDatabase database;
  private final Map<String, Double> first = new HashMap<>();
  private final Set<String> changed = new TreeSet<>();

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of("RETRY_INITIAL", "10m", "RETRY_MAX", "10m",
        "ALERT_AFTER", "30m", "KAFKA_PUBLISH_TIMEOUT", "2s"));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
  }

  @Test
  void everyMetricFamilyChangesDuringARunAndReadinessReportsKafkaWithoutTurningUnready() throws Exception {
    scrape();

    long bought = create("{\"orderID\": 801, \"shippingAddress\": \"1600 Pennsylvania Ave NW, Washington, DC 20500,"
        + " US\", \"carrier\": \"usps\"}");
    awaitStatus(bought, "label_created");
    long refused = create("{\"orderID\": 802, \"shippingAddress\": \"1 INVALID Road, Springfield, IL 62701, US\","
        + " \"carrier\": \"usps\"}");
    awaitStatus(refused, "failed");

    sandbox.fedex().faults().hangsNext(1, Duration.ofSeconds(6));
    long hung = create("{\"orderID\": 803, \"shippingAddress\": \"350 Fifth Avenue, New York, NY 10118, US\","
        + " \"carrier\": \"fedex\"}");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> database.labelTask(hung).filter(t -> t.state().equals("running")).isPresent());
    clock.advance(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(5)).until(() -> scrape()
        .getOrDefault("shipping_tasks_oldest_due_age_seconds{kind=\"create_labels\"}", 0.0) >= 30);
    awaitStatus(hung, "label_created");

    // Three failed attempts (nine failed calls) stay under FedEx's circuit breaker threshold of ten.
    sandbox.fedex().faults().serverErrorRate(1.0);
    long stuck = create("{\"orderID\": 804, \"shippingAddress\": \"350 Fifth Avenue, New York, NY 10118, US\","
        + " \"carrier\": \"fedex\"}");
    awaitFailedAttempts(stuck, 1);
    clock.advance(PAST_NEXT_RETRY);
    awaitFailedAttempts(stuck, 2);
    clock.advance(PAST_NEXT_RETRY);
    awaitFailedAttempts(stuck, 3);
    clock.advance(Duration.ofMinutes(5));
    // The refusal of order 802's address pages nobody (it is the caller's to fix); the stuck work does.
    await().atMost(Duration.ofSeconds(30)).until(() -> scrape()
        .getOrDefault("shipping_alerts_total{action=\"raised\"}", 0.0) >= 1);
    sandbox.fedex().faults().reset();
    clock.advance(PAST_NEXT_RETRY);
    awaitStatus(stuck, "label_created");
    await().atMost(Duration.ofSeconds(30)).until(() -> scrape()
        .getOrDefault("shipping_alerts_total{action=\"resolved\"}", 0.0) >= 1);

    sandbox.kafka().stop();
    try {
      long waiting = create("{\"orderID\": 805, \"shippingAddress\": \"1600 Pennsylvania Ave NW, Washington, DC"
          + " 20500, US\", \"carrier\": \"usps\"}");
      awaitStatus(waiting, "label_created");
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        Map<String, Double> now = scrape();
        return now.getOrDefault("shipping_outbox_unsent", 0.0) > 0
            && now.getOrDefault("shipping_outbox_oldest_unsent_age_seconds", 0.0) > 0;
      });
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        HttpResponse<String> ready = service.get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ServiceUnderTest.json(ready).at("/details/kafka").asText()).isEqualTo("unreachable");
      });
    } finally {
      sandbox.kafka().start();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> scrape().getOrDefault("shipping_outbox_unsent", 1.0) == 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> ServiceUnderTest.json(service.get("/health/ready"))
        .at("/details/kafka").asText().equals("reachable"));
    scrape();

    assertThat(changed).containsAll(FAMILIES);
    JsonNode loops = ServiceUnderTest.json(service.get("/health/ready")).at("/details/background_loops");
    assertThat(loops.fieldNames()).toIterable().contains("label_work_1", "outbox_relay", "tracking_run");
    assertThat(loops.get("outbox_relay").get("running").asBoolean()).isTrue();
  }

  /** Scrapes /metrics and notes every family whose value moved since its first sample in this run. */
  private Map<String, Double> scrape() throws IOException, InterruptedException {
    int port = service.server().metricsPort().orElseThrow();
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    Map<String, Double> samples = PrometheusText.parse(response.body());
    boolean baseline = first.isEmpty();
    samples.forEach((sample, value) -> {
      Double seen = first.putIfAbsent(sample, value);
      // A series first seen after the baseline scrape moved from nothing to its value.
      boolean moved = seen == null ? !baseline && value != 0 : !seen.equals(value);
      if (moved && !value.isNaN()) {
        changed.add(PrometheusText.family(sample));
      }
    });
    return samples;
  }

  private static long create(String body) {
    return service.createShipment(body);
  }

  private static void awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> service
        .getJson("/shipments/" + shipmentId).get("shipmentStatus").asText().equals(status));
  }

  private static void awaitFailedAttempts(long shipmentId, int attempts) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> database
        .labelTask(shipmentId).filter(t -> t.attempts() >= attempts && t.state().equals("ready")).isPresent());
  }
}

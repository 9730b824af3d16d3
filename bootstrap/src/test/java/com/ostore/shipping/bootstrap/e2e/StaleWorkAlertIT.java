package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's on-call rule through the running service: label work a carrier keeps failing pages the
 * on-caller once for the carrier, a day after it became due, however often the check runs afterwards,
 * and the page is resolved when the carrier sells the label at last; a carrier's refusal of the
 * shipment's own data fails the shipment with its reason and pages nobody (issue 9: the caller fixes it).
 */
class StaleWorkAlertIT {
  private static final String ROUTING_KEY = "routing-" + UUID.randomUUID();
  /** Retries every 9.6 to 12 h (20 % jitter), so a few clock moves cross the one-day alert threshold. */
  private static final Duration RETRY = Duration.ofHours(12);
  private static final Duration PAST_NEXT_RETRY = RETRY.plusMinutes(1);

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static OnCallStub onCall;
  private static ServiceUnderTest service;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    onCall = new OnCallStub();
    service = ServiceUnderTest.start(sandbox, clock, Map.of("PAGERDUTY_ROUTING_KEY", ROUTING_KEY,
        "PAGERDUTY_URL", onCall.url(), "RETRY_INITIAL", "12h", "RETRY_MAX", "12h"));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterEach
  void healCarriers() {
    sandbox.fedex().faults().reset();
    sandbox.usps().faults().reset();
  }

  @AfterAll
  static void stop() {
    service.close();
    onCall.close();
    sandbox.close();
  }

  @Test
  void workACarrierKeepsFailingPagesOnceAfterADayAndIsResolvedWhenTheLabelIsFinallyBought() {
    sandbox.fedex().faults().serverErrorRate(1.0);
    long stuck = create("""
        {"orderID": 501, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex"}""");
    awaitFailedAttempts(stuck, 1);
    clock.advance(PAST_NEXT_RETRY);
    awaitFailedAttempts(stuck, 2);
    assertNoPageFor(stuck);

    clock.advance(PAST_NEXT_RETRY);
    awaitFailedAttempts(stuck, 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> !triggersFor(stuck).isEmpty());
    JsonNode page = triggersFor(stuck).get(0);
    String dedupKey = "ostore-shipping-carrier-unavailable-fedex";
    assertThat(page.get("dedup_key").asText()).as("one alert for the carrier, not one per shipment")
        .isEqualTo(dedupKey);
    assertThat(page.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(page.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(page.at("/payload/summary").asText()).contains("fedex").contains("create_labels")
        .contains(Long.toString(stuck));
    assertThat(page.at("/payload/custom_details/carrier").asText()).isEqualTo("fedex");

    sandbox.usps().faults().serviceUnavailableRate(1.0);
    long fresh = create("""
        {"orderID": 502, "shippingAddress": "1600 Pennsylvania Ave NW, Washington, DC 20500, US", "carrier": "usps"}""");
    awaitFailedAttempts(fresh, 1);
    clock.advance(Duration.ofHours(1));
    clock.advance(Duration.ofHours(1));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(triggersFor(stuck)).hasSize(1);
      assertThat(triggersFor(fresh)).isEmpty();
    });
    assertThat(status(stuck)).isEqualTo("pending");

    sandbox.fedex().faults().reset();
    sandbox.usps().faults().reset();
    clock.advance(PAST_NEXT_RETRY);
    awaitStatus(stuck, "label_created");
    awaitStatus(fresh, "label_created");
    await().atMost(Duration.ofSeconds(30)).until(() -> resolvesOf(dedupKey) == 1);
    assertThat(onCall.events("resolve")).extracting(e -> e.get("dedup_key").asText()).containsOnlyOnce(dedupKey);
    assertThat(triggersFor(stuck)).hasSize(1);
    assertThat(triggersFor(fresh)).isEmpty();
    assertThat(withoutRoutingKey(service.get("/orders/501/shipments")).statusCode()).isEqualTo(200);
    assertThat(withoutRoutingKey(service.get("/health/ready")).statusCode()).isEqualTo(200);
  }

  @Test
  void aCarrierRefusalOfTheShipmentsDataFailsItWithTheCarriersReasonAndPagesNobody() {
    long refused = create("""
        {"orderID": 503, "shippingAddress": "1 INVALID Road, Springfield, IL 62701, US", "carrier": "usps"}""");

    JsonNode failed = awaitStatus(refused, "failed");
    String reason = failed.get("failureReason").asText();
    assertThat(reason).isNotBlank().containsIgnoringCase("usps");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> database.labelTask(refused).orElseThrow().state().equals("abandoned"));
    assertThat(refusalPagesFor(refused)).isEmpty();
  }

  /** The routing key is the service's credential towards PagerDuty: no API answer may carry it. */
  private static HttpResponse<String> withoutRoutingKey(HttpResponse<String> response) {
    if (response.body().contains(ROUTING_KEY)) {
      throw new IllegalStateException("the routing key leaked into " + response.uri());
    }
    return response;
  }

  private static long create(String body) {
    HttpResponse<String> created = withoutRoutingKey(service.post("/shipments", body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ServiceUnderTest.json(created).get("shipmentID").asLong();
  }

  /** Waits until the given attempt failed and its retry is scheduled (the task is back to ready). */
  private static void awaitFailedAttempts(long shipmentId, int attempts) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> database
        .labelTask(shipmentId).filter(t -> t.attempts() == attempts && t.state().equals("ready")).isPresent());
  }

  /** Several alert checks run (every 200 ms) while the work is less than a day old: nobody is paged. */
  private static void assertNoPageFor(long shipmentId) {
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(triggersFor(shipmentId)).isEmpty());
  }

  private static List<JsonNode> triggersFor(long shipmentId) {
    return onCall.events("trigger").stream()
        .filter(e -> e.at("/payload/custom_details/subjectId").asText().equals(Long.toString(shipmentId)))
        .toList();
  }

  private static List<JsonNode> refusalPagesFor(long shipmentId) {
    return onCall.events("trigger").stream()
        .filter(e -> e.at("/payload/custom_details/shipmentID").asText().equals(Long.toString(shipmentId)))
        .toList();
  }

  private static long resolvesOf(String dedupKey) {
    return onCall.events("resolve").stream().filter(e -> e.get("dedup_key").asText().equals(dedupKey)).count();
  }

  private static String status(long shipmentId) {
    return ServiceUnderTest.json(withoutRoutingKey(service.get("/shipments/" + shipmentId))).get("shipmentStatus")
        .asText();
  }

  private static JsonNode awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> status(shipmentId).equals(status));
    return ServiceUnderTest.json(withoutRoutingKey(service.get("/shipments/" + shipmentId)));
  }
}

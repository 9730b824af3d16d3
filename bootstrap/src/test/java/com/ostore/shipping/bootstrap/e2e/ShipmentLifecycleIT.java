package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey through a running service, real PostgreSQL, a real Kafka broker and the carrier
 * simulators: POST, labels bought in the background, daily tracking as time moves on, and every
 * change reaching a consumer on Kafka, in order per order.
 */
class ShipmentLifecycleIT {
  private static final Duration CARRIER_STAGE = Duration.ofHours(6);

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static EventConsumer orderManagement;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, CARRIER_STAGE);
    service = ServiceUnderTest.start(sandbox, clock, Map.of());
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
  }

  @AfterAll
  static void stop() {
    orderManagement.close();
    service.close();
    sandbox.close();
  }

  @Test
  void theSeedRequestIsCreatedPendingAndGetsItsLabelInTheBackground() {
    HttpResponse<String> created = service.post("/shipments", """
        {"orderID": 123, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "shipmentStatus": "pending"}""");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = ServiceUnderTest.json(created);
    long id = body.get("shipmentID").asLong();
    assertThat(created.headers().firstValue("Location")).contains("/shipments/" + id);
    assertThat(body.get("orderID").asLong()).isEqualTo(123);
    assertThat(body.get("shippingAddress").asText()).isEqualTo("350 Fifth Avenue, New York, NY 10118, US");
    assertThat(body.get("shipmentStatus").asText()).isEqualTo("pending");

    JsonNode labelled = awaitStatus(id, "label_created");
    // A read answers with what was stored with the shipment's latest change (here the label's).
    HttpResponse<String> read = service.get("/shipments/" + id);
    assertThat(read.body()).isEqualTo(database.storedAnswer(id));
    assertThat(ServiceUnderTest.json(read)).isEqualTo(labelled);
    JsonNode parcel = labelled.get("packages").get(0);
    assertThat(parcel.get("trackingNumber").asText()).matches("\\d{12}");
    HttpResponse<byte[]> label = service.getBytes(parcel.get("labelUrl").asText());
    assertThat(label.statusCode()).isEqualTo(200);
    assertThat(label.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
    assertThat(new String(label.body(), 0, 4)).isEqualTo("%PDF");
  }

  @Test
  void aLabelledShipmentCancelledBeforeItLeavesHasItsLabelVoidedWithTheCarrier() {
    long id = service.createShipment("""
        {"orderID": 55, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex"}""");
    String trackingNumber = awaitStatus(id, "label_created").get("packages").get(0).get("trackingNumber").asText();

    HttpResponse<String> cancelled = service.post("/shipments/" + id + "/cancel", "");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(ServiceUnderTest.json(cancelled).get("shipmentStatus").asText()).isEqualTo("cancelled");
    assertThat(sandbox.fedex().isCancelled(trackingNumber)).isTrue();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orderManagement.deduplicated())
        .anySatisfy(m -> {
          assertThat(m.eventType()).isEqualTo("cancelled");
          assertThat(m.value().get("shipmentID").asLong()).isEqualTo(id);
        }));
  }

  @Test
  void aThreePackageFedExShipmentCancelledBeforeItLeavesHasEachLabelVoidedOnce() {
    long id = service.createShipment("""
        {"orderID": 56, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex",
         "packages": [{"weight": 1}, {"weight": 2.5}, {"weight": 4}]}""");
    List<String> numbers = new ArrayList<>();
    awaitStatus(id, "label_created").get("packages").forEach(p -> numbers.add(p.get("trackingNumber").asText()));
    long voidedBefore = sandbox.fedex().counters().cancels();

    HttpResponse<String> cancelled = service.post("/shipments/" + id + "/cancel", "");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(ServiceUnderTest.json(cancelled).get("shipmentStatus").asText()).isEqualTo("cancelled");
    assertThat(numbers).hasSize(3).allSatisfy(number -> assertThat(sandbox.fedex().isCancelled(number)).isTrue());
    assertThat(sandbox.fedex().counters().cancels() - voidedBefore).isEqualTo(3);
  }

  @Test
  void theSeedsBodySentToUspsGetsALabelAddressedToTheConfiguredFallback() {
    long id = service.createShipment("""
        {"orderID": 57, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "usps"}""");

    JsonNode parcel = awaitStatus(id, "label_created").get("packages").get(0);

    HttpResponse<byte[]> label = service.getBytes(parcel.get("labelUrl").asText());
    assertThat(new String(label.body(), StandardCharsets.UTF_8)).contains("SHIP TO: OStore Customer");
  }

  @Test
  void aCarrierRefusalFailsTheShipmentWithTheCarriersReason() {
    long id = service.createShipment("""
        {"orderID": 77, "shippingAddress": "1 INVALID Road, Springfield, IL 62701, US", "carrier": "usps"}""");

    JsonNode failed = awaitStatus(id, "failed");

    assertThat(failed.get("failureReason").asText()).containsIgnoringCase("usps").isNotBlank();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orderManagement.deduplicated())
        .anySatisfy(m -> {
          assertThat(m.eventType()).isEqualTo("failed");
          assertThat(m.value().get("shipmentID").asLong()).isEqualTo(id);
        }));
  }

  @Test
  void everyPackageIsTrackedToDeliveryAndOrderManagementHearsEachStepOnceInOrder() {
    long fedexShipment = service.createShipment("""
        {"orderID": 9001, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex",
         "packages": [{"weight": 2.5}, {"weight": 4, "dimensions": {"length": 12, "width": 8, "height": 6}}]}""");
    long uspsShipment = service.createShipment("""
        {"orderID": 9002, "shippingAddress": {"streetLines": ["1600 Pennsylvania Ave NW"], "city": "Washington",
         "stateOrProvince": "DC", "postalCode": "20500", "country": "US"}, "carrier": "usps",
         "packages": [{"weight": 1.2, "weightUnit": "kg"}, {"weight": 3}]}""");
    awaitStatus(fedexShipment, "label_created");
    awaitStatus(uspsShipment, "label_created");

    // A carrier scan follows every 6 h: a day later FedEx's packages are in transit (OC, PU, IT, AR, DP) and
    // USPS's out for delivery (GX, 03, 10, T1, OF); another day later both are delivered.
    clock.advance(Duration.ofDays(1).plusHours(1));
    awaitStatus(fedexShipment, "in_transit");
    awaitStatus(uspsShipment, "out_for_delivery");
    clock.advance(Duration.ofDays(1).plusHours(1));

    assertThat(awaitStatus(fedexShipment, "delivered").get("packages")).allSatisfy(
        p -> assertThat(p.get("packageStatus").asText()).isEqualTo("delivered"));
    assertThat(awaitStatus(uspsShipment, "delivered").get("packages")).allSatisfy(
        p -> assertThat(p.get("packageStatus").asText()).isEqualTo("delivered"));
    List<Long> packages = new ArrayList<>();
    for (long shipment : List.of(fedexShipment, uspsShipment)) {
      service.getJson("/shipments/" + shipment).get("packages").forEach(p -> packages.add(p.get("packageID").asLong()));
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (long parcel : packages) {
        List<String> types = orderManagement.typesOfPackage(parcel);
        assertThat(types).containsSubsequence("label_created", "picked_up", "in_transit", "out_for_delivery",
            "delivered");
        assertThat(types).filteredOn("label_created"::equals).hasSize(1);
        assertThat(types).filteredOn("delivered"::equals).hasSize(1);
        assertThat(types.get(types.size() - 1)).isEqualTo("delivered");
      }
    });
    JsonNode history = service.getJson("/packages/" + packages.get(0) + "/events");
    assertThat(history.get("events")).extracting(e -> e.get("eventType").asText())
        .startsWith("label_created").endsWith("delivered");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        service.server().core().health().health().details()).containsEntry("track_order_tasks", 0L));
  }

  private static JsonNode awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> service.getJson("/shipments/" + shipmentId).get("shipmentStatus").asText().equals(status));
    return service.getJson("/shipments/" + shipmentId);
  }
}

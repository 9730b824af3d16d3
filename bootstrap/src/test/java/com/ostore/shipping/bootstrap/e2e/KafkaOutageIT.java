package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
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
 * A Kafka outage while the service works: shipments are still taken and labelled, their events wait
 * in the outbox (visible on the readiness endpoint), and once the broker is back Order Management gets
 * every event, none lost and none twice after dropping repeats by eventId.
 */
class KafkaOutageIT {
  private static final String TOPIC = "shipment-tracking-events";

  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static EventConsumer orderManagement;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of("KAFKA_PUBLISH_TIMEOUT", "2s"));
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), TOPIC);
  }

  @AfterAll
  static void stop() {
    orderManagement.close();
    service.close();
    sandbox.close();
  }

  @Test
  void shipmentsTakenWhileTheBrokerIsDownReachOrderManagementOnceItIsBack() {
    sandbox.kafka().stop();

    List<Long> shipments = List.of(
        service.createShipment("""
            {"orderID": 601, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex"}"""),
        service.createShipment("""
            {"orderID": 602, "shippingAddress": "1600 Pennsylvania Ave NW, Washington, DC 20500, US", "carrier": "usps",
             "packages": [{"weight": 1}, {"weight": 2}]}"""),
        service.createShipment("""
            {"orderID": 603, "shippingAddress": "1 Infinite Loop, Cupertino, CA 95014, US", "carrier": "fedex",
             "packages": [{"weight": 3}, {"weight": 4}, {"weight": 5}]}"""));
    List<Long> packages = new ArrayList<>();
    for (long shipment : shipments) {
      JsonNode labelled = awaitStatus(shipment, "label_created");
      labelled.get("packages").forEach(p -> packages.add(p.get("packageID").asLong()));
    }

    assertThat(packages).hasSize(6);
    assertThat(unsentEvents()).isGreaterThanOrEqualTo(packages.size());
    assertThat(service.getJson("/shipments/" + shipments.get(0)).get("shipmentStatus").asText())
        .isEqualTo("label_created");
    assertThat(orderManagement.all()).isEmpty();

    sandbox.kafka().start();

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (long parcel : packages) {
        assertThat(orderManagement.typesOfPackage(parcel)).as("package %d", parcel).containsExactly("label_created");
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> unsentEvents() == 0);
    assertThat(orderManagement.deduplicated()).hasSize(packages.size())
        .allSatisfy(m -> assertThat(shipments).contains(m.value().get("shipmentID").asLong()));
  }

  private static long unsentEvents() {
    JsonNode ready = service.getJson("/health/ready");
    return ready.at("/details/unsent_events").asLong();
  }

  private static JsonNode awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> service.getJson("/shipments/" + shipmentId).get("shipmentStatus").asText().equals(status));
    return service.getJson("/shipments/" + shipmentId);
  }
}

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 §2: the recipient a caller names reaches the label each carrier sells, and the seed's body,
 * which names none, still gets a label from each carrier (addressed to the configured fallback). Real
 * service, real PostgreSQL and Kafka, and the simulators, which refuse a label without an addressee.
 */
class RecipientLabelsIT {
  private static final String ADDRESS = "350 Fifth Avenue, New York, NY 10118, US";
  private static final String FALLBACK = "OStore Customer";

  private static Sandbox sandbox;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of("RECIPIENT_FALLBACK_NAME", FALLBACK));
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fedex", "usps"})
  void aNamedRecipientIsOnTheLabelTheCarrierSold(String carrier) {
    HttpResponse<String> created = service.post("/shipments", """
        {"orderID": 901, "shippingAddress": "%s", "carrier": "%s",
         "recipient": {"name": "Ada Lovelace", "phone": "+1 212 555 0100", "email": "ada@example.com"}}"""
        .formatted(ADDRESS, carrier));

    assertThat(created.statusCode()).isEqualTo(201);
    long id = ServiceUnderTest.json(created).get("shipmentID").asLong();
    JsonNode shipment = awaitStatus(id, "label_created");
    assertThat(shipment.get("recipient").get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(shipment.get("recipient").get("phone").asText()).isEqualTo("+12125550100");
    String trackingNumber = shipment.get("packages").get(0).get("trackingNumber").asText();
    assertThat(soldUnder(carrier, id)).containsExactly(trackingNumber);
    assertThat(labelText(shipment)).contains("SHIP TO: Ada Lovelace").doesNotContain(FALLBACK);
    if (carrier.equals("fedex")) {
      assertThat(sandbox.fedex().addressee(trackingNumber)).startsWith("Ada Lovelace");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fedex", "usps"})
  void theSeedsBodyWithoutRecipientStillGetsALabelAddressedToTheFallback(String carrier) {
    HttpResponse<String> created = service.post("/shipments", """
        {"orderID": 902, "shippingAddress": "%s", "shipmentStatus": "pending", "carrier": "%s"}"""
        .formatted(ADDRESS, carrier));

    assertThat(created.statusCode()).isEqualTo(201);
    long id = ServiceUnderTest.json(created).get("shipmentID").asLong();
    assertThat(ServiceUnderTest.json(created).has("recipient")).isFalse();
    JsonNode shipment = awaitStatus(id, "label_created");
    String trackingNumber = shipment.get("packages").get(0).get("trackingNumber").asText();
    assertThat(soldUnder(carrier, id)).containsExactly(trackingNumber);
    assertThat(labelText(shipment)).contains("SHIP TO: " + FALLBACK);
  }

  private static List<String> soldUnder(String carrier, long shipmentId) {
    String reference = "ostore-shipment-" + shipmentId;
    return carrier.equals("fedex")
        ? sandbox.fedex().liveTrackingNumbers(reference)
        : sandbox.usps().liveTrackingNumbers(reference);
  }

  private static String labelText(JsonNode shipment) {
    HttpResponse<byte[]> label = service.getBytes(shipment.get("packages").get(0).get("labelUrl").asText());
    assertThat(label.statusCode()).isEqualTo(200);
    return new String(label.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> service.getJson("/shipments/" + shipmentId).get("shipmentStatus").asText().equals(status));
    return service.getJson("/shipments/" + shipmentId);
  }
}

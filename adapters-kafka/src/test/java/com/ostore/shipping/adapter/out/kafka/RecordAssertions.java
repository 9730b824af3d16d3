package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.event.ShipmentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Checks a Kafka message against the event contract and the ShipmentEvent it was made from. */
final class RecordAssertions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordAssertions() {}

  static void assertMessageMatches(ShipmentEvent sent, String key, byte[] value, Headers headers) {
    JsonNode json = parse(value);
    assertThat(ShipmentEventSchema.violations(json)).as("schema violations").isEmpty();
    assertThat(key).isEqualTo(Long.toString(sent.orderId().value()));
    assertThat(headerValues(headers)).containsEntry("eventType", sent.eventType())
        .containsEntry("ce_type", sent.eventType()).containsEntry("content-type", "application/json")
        .containsEntry("schemaVersion", "1").containsEntry("eventId", sent.eventId().toString())
        .containsEntry("ce_id", sent.eventId().toString());

    assertThat(json.get("eventId").asText()).isEqualTo(sent.eventId().toString());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("eventType").asText()).isEqualTo(sent.eventType());
    // OffsetDateTime.equals compares the offset too: the carrier's local offset must survive.
    assertThat(OffsetDateTime.parse(json.get("eventTimestamp").asText())).isEqualTo(sent.eventTimestamp());
    assertThat(json.get("shipmentID").asLong()).isEqualTo(sent.shipmentId().value());
    assertThat(json.get("orderID").asLong()).isEqualTo(sent.orderId().value());
    assertThat(textOrNull(json, "packageID")).isEqualTo(sent.parcelId() == null ? null : sent.parcelId().toString());
    assertThat(textOrNull(json, "trackingNumber"))
        .isEqualTo(sent.trackingNumber() == null ? null : sent.trackingNumber().value());
    assertThat(json.get("carrier").asText()).isEqualTo(sent.carrier().name().toLowerCase(java.util.Locale.ROOT));
    assertThat(json.get("shipmentStatus").asText())
        .isEqualTo(sent.shipmentStatus().name().toLowerCase(java.util.Locale.ROOT));
    assertThat(textOrNull(json, "location")).isEqualTo(sent.location());
    assertThat(detailsOf(json)).isEqualTo(expectedDetails(sent));
    assertThat(Instant.parse(json.get("recordedAt").asText())).isEqualTo(sent.recordedAt());
  }

  static JsonNode parse(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> headerValues(Headers headers) {
    Map<String, String> values = new HashMap<>();
    for (Header header : headers) {
      values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static Map<String, String> expectedDetails(ShipmentEvent sent) {
    Map<String, String> expected = new HashMap<>(sent.details());
    expected.putIfAbsent("rawCode", null);
    expected.putIfAbsent("rawDescription", null);
    return expected;
  }

  private static Map<String, String> detailsOf(JsonNode json) {
    Map<String, String> details = new HashMap<>();
    json.get("details").properties().forEach(entry ->
        details.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText()));
    return details;
  }

  private static String textOrNull(JsonNode json, String field) {
    assertThat(json.has(field)).as("field %s present", field).isTrue();
    return json.get(field).isNull() ? null : json.get(field).asText();
  }
}

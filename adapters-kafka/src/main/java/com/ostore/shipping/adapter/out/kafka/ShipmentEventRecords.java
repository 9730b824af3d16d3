package com.ostore.shipping.adapter.out.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.event.ShipmentEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns a shipment event into the Kafka record the contract describes: key, JSON value, headers. */
final class ShipmentEventRecords {
  static final String CONTENT_TYPE = "application/json";
  static final String SOURCE = "/ostore/shipment-tracking";

  private final ObjectMapper json = new ObjectMapper();
  private final String topic;

  ShipmentEventRecords(String topic) {
    this.topic = topic;
  }

  ProducerRecord<String, byte[]> toRecord(ShipmentEvent event) {
    return new ProducerRecord<>(topic, null, event.key(), valueOf(event), headersOf(event));
  }

  byte[] valueOf(ShipmentEvent event) {
    try {
      return json.writeValueAsBytes(ShipmentEventMessage.from(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize shipment event " + event.eventId(), e);
    }
  }

  private static Headers headersOf(ShipmentEvent event) {
    // Plain headers for simple consumers, and the CloudEvents binary-mode ones (ce_*) so CloudEvents
    // SDKs read the same message as an event whose data is the JSON value.
    RecordHeaders headers = new RecordHeaders();
    add(headers, "eventType", event.eventType());
    add(headers, "eventId", event.eventId().toString());
    add(headers, "schemaVersion", Integer.toString(ShipmentEvent.SCHEMA_VERSION));
    add(headers, "content-type", CONTENT_TYPE);
    add(headers, "ce_specversion", "1.0");
    add(headers, "ce_id", event.eventId().toString());
    add(headers, "ce_source", SOURCE);
    add(headers, "ce_type", event.eventType());
    return headers;
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}

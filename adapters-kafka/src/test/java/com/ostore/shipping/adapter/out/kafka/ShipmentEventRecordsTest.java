package com.ostore.shipping.adapter.out.kafka;

import static com.ostore.shipping.adapter.out.kafka.RecordAssertions.assertMessageMatches;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.event.ShipmentEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ShipmentEventRecordsTest {
  private final ShipmentEventRecords records = new ShipmentEventRecords("events");

  @Test
  void aPackageScanBecomesAKeyedMessageThatFollowsTheContract() {
    ShipmentEvent event = TestEvents.inTransit(123);

    ProducerRecord<String, byte[]> record = records.toRecord(event);

    assertThat(record.topic()).isEqualTo("events");
    assertMessageMatches(event, record.key(), record.value(), record.headers());
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .contains("\"eventTimestamp\":\"2026-01-06T09:15:00-05:00\"", "\"orderID\":123", "\"packageID\":112301");
  }

  @Test
  void aShipmentLevelFailureHasNullPackageFieldsAndNullRawDetails() {
    ShipmentEvent event = TestEvents.shipmentFailed(77);

    ProducerRecord<String, byte[]> record = records.toRecord(event);

    assertMessageMatches(event, record.key(), record.value(), record.headers());
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .contains("\"packageID\":null", "\"trackingNumber\":null", "\"rawCode\":null");
  }

  @Test
  void theSchemaRejectsAFailedEventThatNamesAPackageAndAValueWithoutEventId() {
    ObjectNode failedWithPackage = (ObjectNode) RecordAssertions.parse(records.valueOf(TestEvents.shipmentFailed(5)));
    failedWithPackage.put("packageID", 42);
    ObjectNode withoutId = (ObjectNode) RecordAssertions.parse(records.valueOf(TestEvents.inTransit(5)));
    withoutId.remove("eventId");

    assertThat(ShipmentEventSchema.violations(failedWithPackage)).isNotEmpty();
    assertThat(ShipmentEventSchema.violations(withoutId)).isNotEmpty();
  }

  @Test
  void theSchemaRejectsATimestampWithoutOffset() {
    ObjectNode value = (ObjectNode) RecordAssertions.parse(records.valueOf(TestEvents.inTransit(5)));
    value.put("eventTimestamp", "2026-01-06T09:15:00");

    assertThat(ShipmentEventSchema.violations(value)).isNotEmpty();
  }
}

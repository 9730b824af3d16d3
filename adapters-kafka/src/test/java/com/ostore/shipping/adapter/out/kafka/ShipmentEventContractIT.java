package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.sandbox.kafka.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a consumer of the topic receives is what docs/events.md and the JSON Schema promise. */
class ShipmentEventContractIT {
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.temporary().start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void everyPublishedEventReachesAConsumerAsTheContractDescribes() {
    KafkaConfig config = new KafkaConfig(broker.bootstrapServers(), KafkaConfig.DEFAULT_TOPIC, Map.of(),
        Duration.ofSeconds(10));
    List<ShipmentEvent> sent = List.of(
        TestEvents.packageEvent(501, "label_created", ShipmentStatus.LABEL_CREATED),
        TestEvents.inTransit(501),
        TestEvents.packageEvent(501, "delivered", ShipmentStatus.DELIVERED),
        TestEvents.packageEvent(502, "unknown", ShipmentStatus.IN_TRANSIT),
        TestEvents.shipmentFailed(503));

    try (KafkaEventPublisher publisher = new KafkaEventPublisher(config)) {
      assertThat(publisher.publish(sent)).hasSize(sent.size());
    }

    Map<String, ShipmentEvent> byId = sent.stream()
        .collect(Collectors.toMap(event -> event.eventId().toString(), Function.identity()));
    try (TopicReader reader = new TopicReader(broker.bootstrapServers(), KafkaConfig.DEFAULT_TOPIC)) {
      List<ConsumerRecord<String, byte[]>> received = reader.readUntil(seen -> seen.size() >= sent.size());
      assertThat(received).hasSize(sent.size());
      for (ConsumerRecord<String, byte[]> record : received) {
        ShipmentEvent original = byId.get(TopicReader.eventIdOf(record));
        assertThat(original).as("an event we sent").isNotNull();
        RecordAssertions.assertMessageMatches(original, record.key(), record.value(), record.headers());
      }
    }
  }
}

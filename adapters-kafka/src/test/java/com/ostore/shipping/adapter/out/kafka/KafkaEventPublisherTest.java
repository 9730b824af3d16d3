package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {
  private static final KafkaConfig CONFIG = new KafkaConfig("b:9092", "events", Map.of(), Duration.ofSeconds(2));

  @Test
  void givenAnEventOfOneOrderFails_whenPublishing_thenItsLaterEventsAreNotAcknowledgedButOtherOrdersAre() {
    ShipmentEvent a1 = TestEvents.inTransit(1);
    ShipmentEvent b1 = TestEvents.inTransit(2);
    ShipmentEvent a2 = TestEvents.inTransit(1);
    ShipmentEvent a3 = TestEvents.inTransit(1);
    ShipmentEvent b2 = TestEvents.inTransit(2);
    FailingProducer producer = new FailingProducer(Set.of(a2.eventId()));

    Set<UUID> acknowledged = new KafkaEventPublisher(CONFIG, producer).publish(List.of(a1, b1, a2, a3, b2));

    assertThat(acknowledged).containsExactlyInAnyOrder(a1.eventId(), b1.eventId(), b2.eventId());
  }

  @Test
  void eventsAreHandedToTheProducerInTheOrderGivenKeyedByOrder() {
    List<ShipmentEvent> events = List.of(TestEvents.inTransit(1), TestEvents.inTransit(2), TestEvents.inTransit(1));
    FailingProducer producer = new FailingProducer(Set.of());

    Set<UUID> acknowledged = new KafkaEventPublisher(CONFIG, producer).publish(events);

    assertThat(acknowledged).hasSize(3);
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("1", "2", "1");
    assertThat(producer.history()).extracting(record -> RecordAssertions.headerValues(record.headers()).get("eventId"))
        .containsExactly(events.stream().map(event -> event.eventId().toString()).toArray(String[]::new));
  }

  @Test
  void givenTheProducerRefusesEverySend_whenPublishing_thenNothingIsAcknowledgedAndNothingIsThrown() {
    FailingProducer producer = new FailingProducer(Set.of());
    producer.sendException = new IllegalStateException("Cannot perform operation after producer has been closed");

    Set<UUID> acknowledged = new KafkaEventPublisher(CONFIG, producer)
        .publish(List.of(TestEvents.inTransit(1), TestEvents.shipmentFailed(2)));

    assertThat(acknowledged).isEmpty();
  }

  @Test
  void sendingHandsTheRecordsOverInOrderAtOnce_andTheAcknowledgementsAreAwaitedOnlyWhenAskedFor() {
    List<ShipmentEvent> events = List.of(TestEvents.inTransit(1), TestEvents.inTransit(2), TestEvents.inTransit(1));
    MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
        new ByteArraySerializer());

    EventPublisher.InFlight inFlight = new KafkaEventPublisher(CONFIG, producer).send(events);

    assertThat(producer.history()).extracting(record -> RecordAssertions.headerValues(record.headers()).get("eventId"))
        .containsExactly(events.stream().map(event -> event.eventId().toString()).toArray(String[]::new));
    assertThat(producer.completeNext()).as("an acknowledgement still pending when send returned").isTrue();
    producer.errorNext(new NetworkException("broker unreachable"));
    assertThat(inFlight.acknowledged()).as("order 1's two events; order 2's one failed")
        .containsExactly(events.get(0).eventId(), events.get(2).eventId());
  }

  @Test
  void anEmptyBatchAcknowledgesNothing() {
    assertThat(new KafkaEventPublisher(CONFIG, new FailingProducer(Set.of())).publish(List.of())).isEmpty();
  }

  /** Acknowledges every record except those whose eventId header is listed, which fail as a network error. */
  private static final class FailingProducer extends MockProducer<String, byte[]> {
    private final Set<UUID> failing;

    FailingProducer(Set<UUID> failing) {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
      this.failing = failing;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
      String eventId = RecordAssertions.headerValues(record.headers()).get("eventId");
      if (failing.contains(UUID.fromString(eventId))) {
        return CompletableFuture.failedFuture(new NetworkException("broker unreachable"));
      }
      return super.send(record, callback);
    }
  }
}

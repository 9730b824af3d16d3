package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.sandbox.kafka.KafkaBroker;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KafkaEventPublisherIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final String TOPIC = "shipment-tracking-events-it";
  private static KafkaBroker broker;
  private static KafkaEventPublisher publisher;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.temporary().start();
    KafkaTopics.ensureTopic(broker.bootstrapServers(), Map.of(), TOPIC, 3);
    publisher = new KafkaEventPublisher(new KafkaConfig(broker.bootstrapServers(), TOPIC, Map.of(), TIMEOUT));
  }

  @AfterAll
  static void stopBroker() {
    publisher.close();
    broker.close();
  }

  @Test
  void aBatchForTwoOrdersArrivesInOrderForEachOrder() {
    List<ShipmentEvent> batch = List.of(TestEvents.inTransit(11), TestEvents.inTransit(12), TestEvents.inTransit(11),
        TestEvents.inTransit(12), TestEvents.inTransit(11));

    Set<UUID> acknowledged = publisher.publish(batch);

    assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(uuids(batch));
    try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TOPIC)) {
      List<ConsumerRecord<String, byte[]>> records = reader.readUntil(seen -> idsOf(seen).containsAll(ids(batch)));
      assertThat(idsInArrivalOrder(records, "11")).containsSubsequence(ids(batch, 11));
      assertThat(idsInArrivalOrder(records, "12")).containsSubsequence(ids(batch, 12));
    }
  }

  @Test
  void givenTheBrokerIsDown_whenPublishing_thenNothingIsAcknowledgedInTimeAndTheSameEventsGoOutOnceItIsBack() {
    List<ShipmentEvent> batch = List.of(TestEvents.inTransit(21), TestEvents.inTransit(22), TestEvents.inTransit(21));
    assertThat(publisher.publish(List.of(TestEvents.inTransit(20)))).as("connected before the outage").hasSize(1);
    broker.stop();

    long started = System.nanoTime();
    AtomicReference<Set<UUID>> whileDown = new AtomicReference<>();
    assertThatCode(() -> whileDown.set(publisher.publish(batch))).doesNotThrowAnyException();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    try (var neverConnected = new KafkaEventPublisher(
        new KafkaConfig(broker.bootstrapServers(), TOPIC, Map.of(), TIMEOUT))) {
      assertThat(neverConnected.publish(batch)).isEmpty();
    }
    broker.start();

    assertThat(whileDown.get()).isEmpty();
    assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
    await().atMost(Duration.ofSeconds(60)).until(() -> publisher.publish(batch).containsAll(uuids(batch)));
    try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TOPIC)) {
      assertThat(idsOf(reader.readUntil(seen -> idsOf(seen).containsAll(ids(batch))))).containsAll(ids(batch));
    }
  }

  @Test
  void credentialsInClientPropertiesNeverReachTheLogsOrToString() {
    Map<String, String> client = Map.of(
        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\""
            + " password=\"TOPSECRET-jaas\";",
        "ssl.truststore.password", "TOPSECRET-truststore",
        "security.protocol", "PLAINTEXT");
    KafkaConfig config = new KafkaConfig(broker.bootstrapServers(), TOPIC, client, TIMEOUT);
    ListAppender<ILoggingEvent> logs = captureAllLogsFromInfo();

    try (KafkaEventPublisher withSecrets = new KafkaEventPublisher(config)) {
      assertThat(withSecrets.publish(List.of(TestEvents.inTransit(31)))).hasSize(1);
      assertThat(withSecrets.toString()).doesNotContain("TOPSECRET");
    } finally {
      stopCapturing(logs);
    }

    assertThat(logs.list).as("captured log events").isNotEmpty();
    assertThat(logs.list).noneSatisfy(event -> assertThat(rendered(event)).contains("TOPSECRET"));
    assertThat(config.toString()).doesNotContain("TOPSECRET");
  }

  private static ListAppender<ILoggingEvent> captureAllLogsFromInfo() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.getAppender("CONSOLE").stop();
    root.setLevel(Level.INFO);
    return appender;
  }

  private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.detachAppender(appender);
    root.getAppender("CONSOLE").start();
  }

  private static String rendered(ILoggingEvent event) {
    return event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
  }

  private static List<UUID> uuids(List<ShipmentEvent> events) {
    return events.stream().map(ShipmentEvent::eventId).toList();
  }

  private static List<String> ids(List<ShipmentEvent> events) {
    return events.stream().map(event -> event.eventId().toString()).toList();
  }

  private static List<String> ids(List<ShipmentEvent> events, long orderId) {
    return events.stream().filter(event -> event.orderId().value() == orderId)
        .map(event -> event.eventId().toString()).toList();
  }

  private static Set<String> idsOf(List<ConsumerRecord<String, byte[]>> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(record -> ids.add(TopicReader.eventIdOf(record)));
    return ids;
  }

  private static List<String> idsInArrivalOrder(List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(record -> key.equals(record.key())).map(TopicReader::eventIdOf).toList();
  }
}

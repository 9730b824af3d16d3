package com.ostore.shipping.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.temporary().start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @Test
  void aRecordProducedToAnAutoCreatedTopicIsConsumed() throws Exception {
    String topic = "topic-" + UUID.randomUUID();

    produce(topic, "order-1", "hello");

    assertThat(consumeAll(topic, 1)).containsExactly("order-1=hello");
  }

  @Test
  void givenRecordsWritten_whenTheBrokerIsStoppedAndStartedAgain_thenItListensOnTheSamePortWithTheRecordsKept()
      throws Exception {
    String topic = "restart-" + UUID.randomUUID();
    String addressBefore = broker.bootstrapServers();
    produce(topic, "order-2", "before restart");

    broker.stop();

    assertThat(broker.isRunning()).isFalse();
    assertThatThrownBy(() -> connect(addressBefore)).isInstanceOf(IOException.class);

    broker.start();

    assertThat(broker.bootstrapServers()).isEqualTo(addressBefore);
    produce(topic, "order-2", "after restart");
    assertThat(consumeAll(topic, 2)).containsExactly("order-2=before restart", "order-2=after restart");
  }

  @Test
  void givenAPersistentDirectory_whenANewBrokerIsStartedOnIt_thenTheRecordsOfTheEarlierRunAreStillThere(
      @TempDir Path directory) throws Exception {
    String topic = "persistent-" + UUID.randomUUID();
    try (KafkaBroker firstRun = KafkaBroker.persistent(directory, 0).start()) {
      produce(firstRun, topic, "order-3", "first run");
    }

    try (KafkaBroker secondRun = KafkaBroker.persistent(directory, 0).start()) {
      assertThat(consumeAll(secondRun, topic, 1)).containsExactly("order-3=first run");
    }
    assertThat(directory.resolve("data")).isNotEmptyDirectory();
  }

  @Test
  void theBrokerLogGoesToAFileInItsDirectory() {
    assertThat(broker.directory().resolve("broker.log")).isNotEmptyFile();
  }

  private static void connect(String hostAndPort) throws IOException {
    String[] parts = hostAndPort.split(":");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
    }
  }

  private static void produce(String topic, String key, String value) throws Exception {
    produce(broker, topic, key, value);
  }

  private static void produce(KafkaBroker target, String topic, String key, String value) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static List<String> consumeAll(String topic, int expected) {
    return consumeAll(broker, topic, expected);
  }

  private static List<String> consumeAll(KafkaBroker target, String topic, int expected) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> seen.add(record.key() + "=" + record.value()));
      }
    }
    return seen;
  }
}

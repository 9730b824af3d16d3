package com.ostore.shipping.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The baseline for relay latency: a plain idempotent producer straight to a consumer, same broker. */
final class BareKafkaHop {
  private BareKafkaHop() {}

  static LatencyStats measure(String bootstrapServers, int messages) throws InterruptedException {
    String topic = "benchmark-bare-hop";
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props);
        TopicListener listener = new TopicListener(bootstrapServers, topic)) {
      // Warm up: topic creation and the consumer's first assignment are not part of a hop.
      producer.send(new ProducerRecord<>(topic, "warmup", "{\"sentAt\":\"" + Instant.now() + "\"}"));
      producer.flush();
      Instant deadline = Instant.now().plusSeconds(60);
      while (listener.arrivals().isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      for (int i = 0; i < messages; i++) {
        producer.send(new ProducerRecord<>(topic, Integer.toString(i % 10), "{\"sentAt\":\"" + Instant.now() + "\"}"));
        Thread.sleep(2);
      }
      producer.flush();
      while (listener.arrivals().size() < messages + 1 && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      List<Double> millis = new ArrayList<>();
      listener.arrivals().stream().skip(1).forEach(a -> millis.add(
          (double) Duration.between(Instant.parse(a.value().get("sentAt").asText()), a.arrivedAt()).toMillis()));
      return LatencyStats.of(millis);
    }
  }
}

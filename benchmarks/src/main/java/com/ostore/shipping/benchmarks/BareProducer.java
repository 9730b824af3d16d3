package com.ostore.shipping.benchmarks;

import com.ostore.shipping.adapter.out.kafka.KafkaTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's baseline: a plain producer with the relay's delivery settings (idempotent, {@code acks=all},
 * 5 ms linger) sending records of the relay's size, keyed the same way, to a topic of as many partitions,
 * read back by a plain consumer. No database, no outbox.
 */
final class BareProducer {
  private static final int PARTITIONS = 3;

  private BareProducer() {}

  /** Records sent one at a time at {@code perSecond}: send-to-arrival latency. */
  static LatencyStats latency(String bootstrapServers, int perSecond, int count, int payloadSize)
      throws InterruptedException {
    String topic = "bare-latency-" + UUID.randomUUID();
    Map<UUID, Instant> sent = new ConcurrentHashMap<>();
    Map<UUID, Instant> arrived = new ConcurrentHashMap<>();
    try (KafkaProducer<String, String> producer = producer(bootstrapServers, topic);
        TopicTimer timer = timer(bootstrapServers, topic, arrived)) {
      warmUp(producer, topic, arrived, payloadSize);
      long interval = 1_000_000_000L / perSecond;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        UUID id = UUID.randomUUID();
        sent.put(id, Instant.now());
        producer.send(record(topic, i, id, payloadSize));
      }
      producer.flush();
      awaitAll(arrived, sent.keySet());
    }
    List<Double> millis = new ArrayList<>();
    sent.forEach((id, at) -> millis.add(Duration.between(at, arrived.get(id)).toNanos() / 1e6));
    return LatencyStats.of(millis);
  }

  /** {@code count} records sent as fast as the producer takes them: records per second until the last arrived. */
  static double throughput(String bootstrapServers, int count, int payloadSize) throws InterruptedException {
    String topic = "bare-throughput-" + UUID.randomUUID();
    Map<UUID, Instant> arrived = new ConcurrentHashMap<>();
    try (KafkaProducer<String, String> producer = producer(bootstrapServers, topic);
        TopicTimer timer = timer(bootstrapServers, topic, arrived)) {
      warmUp(producer, topic, arrived, payloadSize);
      List<UUID> ids = new ArrayList<>();
      Instant start = Instant.now();
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        producer.send(record(topic, i, id, payloadSize));
      }
      producer.flush();
      awaitAll(arrived, ids);
      Instant last = ids.stream().map(arrived::get).max(Instant::compareTo).orElseThrow();
      return count / (Duration.between(start, last).toNanos() / 1e9);
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrapServers, String topic) {
    KafkaTopics.ensureTopic(bootstrapServers, Map.of(), topic, PARTITIONS);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static TopicTimer timer(String bootstrapServers, String topic, Map<UUID, Instant> arrived) {
    return new TopicTimer(bootstrapServers, topic, (key, value, at) ->
        arrived.putIfAbsent(UUID.fromString(value.substring(12, 48)), at));
  }

  /** Until the consumer has its partitions and has seen a first record. */
  private static void warmUp(KafkaProducer<String, String> producer, String topic, Map<UUID, Instant> arrived,
      int payloadSize) throws InterruptedException {
    UUID first = UUID.randomUUID();
    producer.send(record(topic, 0, first, payloadSize));
    producer.flush();
    awaitAll(arrived, List.of(first));
  }

  /** Keyed like the relay's records (an order id; 1000 orders), padded to the relay's record size. */
  private static ProducerRecord<String, String> record(String topic, int i, UUID id, int payloadSize) {
    String head = "{\"eventId\":\"" + id + "\",\"pad\":\"";
    String value = head + "x".repeat(Math.max(0, payloadSize - head.length() - 2)) + "\"}";
    return new ProducerRecord<>(topic, Integer.toString(i % 1000 + 1), value);
  }

  private static void awaitAll(Map<UUID, Instant> arrived, java.util.Collection<UUID> ids)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!arrived.keySet().containsAll(ids)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not every record reached the consumer within 5 minutes");
      }
      Thread.sleep(20);
    }
  }
}

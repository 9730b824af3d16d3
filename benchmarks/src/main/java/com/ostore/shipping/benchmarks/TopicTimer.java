package com.ostore.shipping.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer of a topic, on its own thread, that hands every record to a callback with the
 * wall-clock time it arrived; it parses nothing, so it keeps up with a fast relay on a busy machine.
 * It reads the topic from its start: the benchmarks warm up until the consumer has seen their first
 * records, so nothing measured waits for its partitions to be assigned.
 */
final class TopicTimer implements AutoCloseable {
  /** One record as it arrived. */
  interface Callback {
    void arrived(String key, String value, Instant at);
  }

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;

  TopicTimer(String bootstrapServers, String topic, Callback callback) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topic));
    thread = new Thread(() -> poll(callback), "benchmark-topic-timer-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private void poll(Callback callback) {
    try {
      while (true) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          callback.arrived(record.key(), record.value(), Instant.now());
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
  }
}

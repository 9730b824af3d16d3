package com.ostore.shipping.bootstrap.local;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints every event on the topic from the beginning, one line each (key, then the JSON value), so a
 * person can watch what Order Management would receive. Uses KAFKA_BOOTSTRAP_SERVERS and KAFKA_TOPIC.
 */
public final class WatchEvents {
  private WatchEvents() {}

  public static void main(String[] args) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
        "127.0.0.1:" + System.getenv().getOrDefault("LOCAL_KAFKA_PORT", "9092")));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "watch-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    String topic = System.getenv().getOrDefault("KAFKA_TOPIC", "shipment-tracking-events");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      System.out.println("watching " + topic + " (Ctrl-C to stop)");
      while (true) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          System.out.println("order " + record.key() + " " + record.value());
        }
      }
    }
  }
}

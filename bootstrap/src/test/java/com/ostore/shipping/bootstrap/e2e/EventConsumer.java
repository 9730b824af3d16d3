package com.ostore.shipping.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Stands in for Order Management: reads the topic from the beginning on its own thread and keeps
 * every message, so tests can check order per key and duplicates.
 */
public final class EventConsumer implements AutoCloseable {
  /** One received message. */
  public record Received(String key, JsonNode value) {
    public String eventId() {
      return value.get("eventId").asText();
    }

    public String eventType() {
      return value.get("eventType").asText();
    }
  }

  private final KafkaConsumer<String, String> consumer;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Thread poller;

  public EventConsumer(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "order-management-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topic));
    poller = new Thread(this::poll, "test-consumer");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    try {
      while (true) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          received.add(new Received(record.key(), ServiceUnderTest.JSON.readTree(record.value())));
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      consumer.close();
    }
  }

  public List<Received> all() {
    return List.copyOf(received);
  }

  /** What a deduplicating consumer keeps: the first copy of each eventId, in arrival order. */
  public List<Received> deduplicated() {
    Map<String, Received> first = new LinkedHashMap<>();
    for (Received message : received) {
      first.putIfAbsent(message.eventId(), message);
    }
    return new ArrayList<>(first.values());
  }

  /** The deduplicated event types of one package, in arrival order. */
  List<String> typesOfPackage(long packageId) {
    return deduplicated().stream()
        .filter(m -> m.value().hasNonNull("packageID") && m.value().get("packageID").asLong() == packageId)
        .map(Received::eventType)
        .toList();
  }

  @Override
  public void close() {
    consumer.wakeup();
  }
}

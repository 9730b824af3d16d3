package com.ostore.shipping.adapter.out.kafka;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.EventPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes shipment events to a Kafka topic, keyed by order so one order's events stay in order. The
 * producer is made on the first publish: building it loads much of the Kafka client, which a service
 * start need not wait for (the relay, not a request, publishes).
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final KafkaConfig config;
  private final Supplier<Producer<String, byte[]>> newProducer;
  private final ShipmentEventRecords records;
  private volatile Producer<String, byte[]> producer;
  private volatile boolean closed;

  /** Checks the producer settings at once (a bad client property stops the start), builds the producer later. */
  public KafkaEventPublisher(KafkaConfig config) {
    this(config, () -> new KafkaProducer<>(ProducerSettings.from(config), new StringSerializer(),
        new ByteArraySerializer()));
    new ProducerConfig(ProducerSettings.withSerializers(config));
  }

  KafkaEventPublisher(KafkaConfig config, Producer<String, byte[]> producer) {
    this(config, () -> producer);
  }

  private KafkaEventPublisher(KafkaConfig config, Supplier<Producer<String, byte[]>> newProducer) {
    this.config = config;
    this.newProducer = newProducer;
    this.records = new ShipmentEventRecords(config.topic());
  }

  /** Called from {@link #send} only, which holds the lock. */
  private Producer<String, byte[]> producer() {
    if (producer == null) {
      if (closed) {
        throw new IllegalStateException("the publisher is closed");
      }
      producer = newProducer.get();
    }
    return producer;
  }

  /**
   * Sends in order and returns the acknowledged ids. Once an event of an order fails, the later
   * events of that order are not reported, even if the broker took them, so the caller resends them
   * after the failed one and the order's sequence holds (consumers drop the duplicates by eventId).
   */
  @Override
  public Set<UUID> publish(List<ShipmentEvent> events) {
    return send(events).acknowledged();
  }

  /**
   * Hands the events to the producer in order and returns; the acknowledgements are awaited (flushing what
   * the producer still lingers on) when asked for, within the same publish timeout counted from this call.
   */
  @Override
  public synchronized InFlight send(List<ShipmentEvent> events) {
    Deadline deadline = Deadline.after(config.publishTimeout());
    Producer<String, byte[]> producer = producer();
    List<Sent> sent = Sending.sendInOrder(producer, records, events, deadline);
    return () -> acknowledged(producer, sent, events.size(), deadline);
  }

  private Set<UUID> acknowledged(Producer<String, byte[]> producer, List<Sent> sent, int handed, Deadline deadline) {
    Sending.flush(producer);
    Set<UUID> acknowledged = new LinkedHashSet<>();
    Set<String> failedKeys = new HashSet<>();
    List<String> failures = new ArrayList<>();
    for (Sent one : sent) {
      String key = one.event().key();
      if (failedKeys.contains(key)) {
        continue;
      }
      String failure = Sending.awaitAck(one.ack(), deadline);
      if (failure == null) {
        acknowledged.add(one.event().eventId());
      } else {
        failedKeys.add(key);
        failures.add(failure);
      }
    }
    if (acknowledged.size() < handed) {
      LOG.warn("Kafka acknowledged {} of {} shipment events on topic {}; the rest will be resent. First failure: {}",
          acknowledged.size(), handed, config.topic(), failures.isEmpty() ? "not sent in time" : failures.get(0));
    }
    return acknowledged;
  }

  @Override
  public void close() {
    closed = true;
    Producer<String, byte[]> made = producer;
    if (made != null) {
      made.close(config.publishTimeout());
    }
  }

  @Override
  public String toString() {
    return "KafkaEventPublisher[" + config + "]";
  }

  /** An event handed to the producer and the future of its acknowledgement. */
  record Sent(ShipmentEvent event, Future<RecordMetadata> ack) {}
}

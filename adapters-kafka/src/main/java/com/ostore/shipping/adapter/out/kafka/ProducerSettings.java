package com.ostore.shipping.adapter.out.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer configuration: the caller's client properties, then the delivery guarantees on top. */
final class ProducerSettings {
  private static final int LINGER_MS = 5;

  private ProducerSettings() {}

  static Map<String, Object> from(KafkaConfig config) {
    Map<String, Object> settings = new HashMap<>(config.clientProperties());
    int timeoutMs = Math.toIntExact(config.publishTimeout().toMillis());
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    // Set last so client properties cannot weaken them: no loss (acks=all), no duplicates from the
    // producer's own retries (idempotence), and per-partition order kept with up to 5 requests in flight.
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    // Retries stop when the publish timeout is used up, so a call never waits longer than that; the
    // events not acknowledged are resent by the outbox relay on its next run.
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, timeoutMs / 2 - LINGER_MS));
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ostore-shipment-tracking");
    return settings;
  }

  /** The settings with the serializers the publisher gives the producer, as the producer's own check needs them. */
  static Map<String, Object> withSerializers(KafkaConfig config) {
    Map<String, Object> settings = from(config);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return settings;
  }
}

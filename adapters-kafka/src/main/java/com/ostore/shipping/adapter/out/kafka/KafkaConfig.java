package com.ostore.shipping.adapter.out.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where and how the service publishes shipment events. {@code clientProperties} go to the Kafka
 * client unchanged (security.protocol, sasl.*, ssl.* for an external cluster); values whose key looks
 * secret are masked in {@link #toString()}. {@code publishTimeout} bounds one {@code publish} call.
 */
public record KafkaConfig(
    String bootstrapServers, String topic, Map<String, String> clientProperties, Duration publishTimeout) {

  public static final String DEFAULT_TOPIC = "shipment-tracking-events";
  public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MIN_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

  public KafkaConfig {
    bootstrapServers = requireText(bootstrapServers, "bootstrapServers");
    topic = requireText(topic, "topic");
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    publishTimeout = publishTimeout == null ? DEFAULT_PUBLISH_TIMEOUT : publishTimeout;
    if (publishTimeout.compareTo(MIN_PUBLISH_TIMEOUT) < 0) {
      throw new IllegalArgumentException("publishTimeout must be at least " + MIN_PUBLISH_TIMEOUT);
    }
  }

  /** A plaintext cluster with the default topic and timeout: the local broker. */
  public static KafkaConfig local(String bootstrapServers) {
    return new KafkaConfig(bootstrapServers, DEFAULT_TOPIC, Map.of(), DEFAULT_PUBLISH_TIMEOUT);
  }

  /** True for client properties whose values are credentials (sasl.jaas.config, ssl.*.password, ...). */
  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("jaas") || lower.contains("password") || lower.contains("secret");
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    clientProperties.forEach((key, value) -> shown.put(key, isSecret(key) ? "***" : value));
    return "KafkaConfig[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", clientProperties=" + shown
        + ", publishTimeout=" + publishTimeout + "]";
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }
}

package com.ostore.shipping.adapter.out.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the events topic at start-up when it does not exist yet. */
public final class KafkaTopics {
  private static final long TIMEOUT_SECONDS = 30;

  private KafkaTopics() {}

  /** Creates {@code config.topic()} with the cluster's default replication factor, if missing. */
  public static void ensureTopic(KafkaConfig config, int partitions) {
    ensureTopic(config.bootstrapServers(), config.clientProperties(), config.topic(), partitions);
  }

  /**
   * Creates the topic with the cluster's default replication factor, if missing; throws
   * IllegalStateException when the cluster cannot be reached or refuses within 30 seconds.
   */
  public static void ensureTopic(
      String bootstrapServers, Map<String, String> clientProperties, String topic, int partitions) {
    Map<String, Object> settings = new HashMap<>(clientProperties);
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
    Admin admin = Admin.create(settings);
    try {
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create Kafka topic " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not create topic " + topic + " within " + TIMEOUT_SECONDS + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topic " + topic, e);
    } finally {
      // The default close waits for pending calls without bound; a start-up check must not hang.
      admin.close(Duration.ofSeconds(5));
    }
  }
}

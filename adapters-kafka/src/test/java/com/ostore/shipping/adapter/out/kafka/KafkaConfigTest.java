package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {
  private static final Map<String, String> CLIENT = Map.of(
      "security.protocol", "SASL_SSL",
      "sasl.mechanism", "PLAIN",
      "sasl.jaas.config", "PlainLoginModule required username=\"svc\" password=\"jaas-s3cret\";",
      "ssl.truststore.password", "trust-s3cret",
      "basic.auth.user.info.secret", "other-s3cret");

  @Test
  void toStringMasksEveryCredentialButShowsTheRest() {
    KafkaConfig config = new KafkaConfig("broker:9093", "events", CLIENT, Duration.ofSeconds(5));

    assertThat(config.toString())
        .doesNotContain("s3cret")
        .contains("sasl.jaas.config=***", "ssl.truststore.password=***", "basic.auth.user.info.secret=***")
        .contains("security.protocol=SASL_SSL", "sasl.mechanism=PLAIN", "broker:9093", "events");
  }

  @Test
  void aPublisherDescribesItselfWithoutCredentials() {
    KafkaConfig config = new KafkaConfig("broker:9093", "events", CLIENT, Duration.ofSeconds(5));

    try (var publisher = new KafkaEventPublisher(config, new org.apache.kafka.clients.producer.MockProducer<>())) {
      assertThat(publisher.toString()).doesNotContain("s3cret").contains("sasl.jaas.config=***");
    }
  }

  @Test
  void theLocalBrokerGetsTheDefaultTopicAndTimeout() {
    KafkaConfig config = KafkaConfig.local("127.0.0.1:9092");

    assertThat(config.topic()).isEqualTo(KafkaConfig.DEFAULT_TOPIC);
    assertThat(config.publishTimeout()).isEqualTo(KafkaConfig.DEFAULT_PUBLISH_TIMEOUT);
    assertThat(config.clientProperties()).isEmpty();
  }

  @Test
  void aBlankBootstrapAddressOrATimeoutBelowOneSecondIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new KafkaConfig(" ", "events", Map.of(), null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KafkaConfig("b:9092", "events", Map.of(), Duration.ofMillis(200)));
  }

  @Test
  void clientPropertiesCannotWeakenTheDeliveryGuarantees() {
    Map<String, String> weak = Map.of("acks", "0", "enable.idempotence", "false", "client.id", "tracker-1");

    Map<String, Object> settings = ProducerSettings.from(new KafkaConfig("b:9092", "events", weak, null));

    assertThat(settings).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
        .containsEntry("client.id", "tracker-1").containsEntry("delivery.timeout.ms", 10_000);
  }
}

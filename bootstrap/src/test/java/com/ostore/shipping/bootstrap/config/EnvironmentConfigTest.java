package com.ostore.shipping.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.adapter.out.persistence.DatabaseTimeouts;
import com.ostore.shipping.adapter.in.http.AccessLog;
import com.ostore.shipping.domain.model.CarrierCode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the service's configuration from environment variables, as the production main does. */
class EnvironmentConfigTest {
  private static final String FEDEX_SECRET = "fedex-secret-5c1f";
  private static final String USPS_SECRET = "usps-secret-90ab";
  private static final String DB_PASSWORD = "db-password-77d2";
  private static final String ROUTING_KEY = "routing-key-e3e3";
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
      + "username=\"svc\" password=\"jaas-password-4242\";";
  private static final List<String> SECRETS = List.of(FEDEX_SECRET, USPS_SECRET, DB_PASSWORD, ROUTING_KEY, JAAS,
      "jaas-password-4242");

  private static final Clock CLOCK = Clock.systemUTC();

  static Map<String, String> completeEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "9090");
    env.put("MAX_REQUEST_BODY_BYTES", "4096");
    env.put("ACCESS_LOG", "All");
    env.put("DATABASE_URL", "jdbc:postgresql://db.internal:5432/shipping");
    env.put("DATABASE_USER", "shipping");
    env.put("DATABASE_PASSWORD", DB_PASSWORD);
    env.put("DATABASE_SCHEMA", "shipping_eu");
    env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092");
    env.put("KAFKA_TOPIC", "shipments");
    env.put("KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("KAFKA_CLIENT_SASL_JAAS_CONFIG", JAAS);
    env.put("CARRIERS", "fedex, usps");
    env.put("DEFAULT_CARRIER", "usps");
    env.put("FEDEX_BASE_URL", "https://apis.fedex.com");
    env.put("FEDEX_CLIENT_ID", "fedex-client");
    env.put("FEDEX_CLIENT_SECRET", FEDEX_SECRET);
    env.put("FEDEX_ACCOUNT_NUMBER", "740561073");
    env.put("USPS_CLIENT_ID", "usps-client");
    env.put("USPS_CLIENT_SECRET", USPS_SECRET);
    env.put("USPS_CRID", "56982563");
    env.put("USPS_MID", "904128936");
    env.put("USPS_ACCOUNT_NUMBER", "1000405525");
    env.put("SHIPPER_STREET", "1 Warehouse Way");
    env.put("SHIPPER_CITY", "Memphis");
    env.put("SHIPPER_STATE", "TN");
    env.put("SHIPPER_POSTAL_CODE", "38118");
    env.put("TRACKING_INTERVAL", "12h");
    env.put("TRACKING_SPREAD", "30m");
    env.put("TASK_LEASE", "2m");
    env.put("ALERT_AFTER", "1d");
    env.put("ALERT_CHECK_INTERVAL", "30s");
    env.put("LABEL_WORKERS", "3");
    env.put("PAGERDUTY_ROUTING_KEY", ROUTING_KEY);
    env.put("PAGERDUTY_URL", "https://events.eu.pagerduty.com/v2/enqueue");
    env.put("API_KEYS", "orders:" + "ab".repeat(32) + ":shipments:read,shipments:write");
    return env;
  }

  @Test
  void givenAConnectionPoolTooSmallForTheWorkersAndHttp_whenRead_thenTheStartFailsNamingBoth() {
    Map<String, String> env = completeEnvironment();
    env.put("LABEL_WORKERS", "8");
    env.put("DATABASE_POOL_SIZE", "10");

    ThrowingCallable read = () -> EnvironmentConfig.read(env, CLOCK);

    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(read)
        .withMessageContaining("DATABASE_POOL_SIZE").withMessageContaining("LABEL_WORKERS");
  }

  @Test
  void givenATrackingIntervalOfAMinuteAndNoEarlyWindow_whenRead_thenTheEarlyWindowIsHalfTheInterval() {
    Map<String, String> env = completeEnvironment();
    env.put("TRACKING_INTERVAL", "1m");
    env.put("TRACKING_SPREAD", "10s");

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.work().trackingEarlyWindow()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void givenNoPoolSize_whenRead_thenThePoolHasRoomForEveryBackgroundThreadAndForHttp() {
    ServiceConfig config = EnvironmentConfig.read(completeEnvironment(), CLOCK);

    assertThat(config.schedule().backgroundConnections()).isEqualTo(3 + 8);
    assertThat(config.database().maxPoolSize()).isEqualTo(3 + 8 + 5);
  }

  @Test
  void givenDatabaseTimeoutsAndAShutdownGrace_whenRead_thenTheServiceUsesThem() {
    Map<String, String> env = completeEnvironment();
    env.put("DATABASE_STATEMENT_TIMEOUT", "20s");
    env.put("DATABASE_SOCKET_TIMEOUT", "40s");
    env.put("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", "90s");
    env.put("DATABASE_TCP_KEEPALIVE", "false");
    env.put("SHUTDOWN_GRACE", "45s");

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.database().timeouts()).isEqualTo(
        new DatabaseTimeouts(Duration.ofSeconds(40), Duration.ofSeconds(20), Duration.ofSeconds(90), false));
    assertThat(config.schedule().shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
    assertThat(EnvironmentConfig.read(completeEnvironment(), CLOCK).database().timeouts())
        .isEqualTo(DatabaseTimeouts.defaults());
  }

  @Test
  void givenDatabaseTimeoutsThatCannotWorkTogether_whenRead_thenEachIsNamed() {
    Map<String, String> env = completeEnvironment();
    env.put("DATABASE_STATEMENT_TIMEOUT", "30s");
    env.put("DATABASE_SOCKET_TIMEOUT", "10s");
    env.put("DATABASE_TCP_KEEPALIVE", "sometimes");

    ThrowingCallable read = () -> EnvironmentConfig.read(env, CLOCK);

    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(read)
        .withMessageContaining("DATABASE_SOCKET_TIMEOUT must be longer than DATABASE_STATEMENT_TIMEOUT")
        .withMessageContaining("DATABASE_TCP_KEEPALIVE");
  }

  @Test
  void givenAnIdleInTransactionTimeoutShorterThanTheBrokerWait_whenRead_thenItIsAccepted() {
    // The relay sends with no transaction open, so no legitimate transaction waits for the broker.
    Map<String, String> env = completeEnvironment();
    env.put("KAFKA_PUBLISH_TIMEOUT", "30s");
    env.put("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", "15s");

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.database().timeouts().idleInTransactionTimeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void givenACompleteEnvironment_whenRead_thenEveryAdapterGetsItsConfiguration() {
    ServiceConfig config = EnvironmentConfig.read(completeEnvironment(), CLOCK);

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.http().maxRequestBodyBytes()).isEqualTo(4096);
    assertThat(config.http().accessLog()).isEqualTo(AccessLog.ALL);
    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/shipping");
    assertThat(config.database().username()).isEqualTo("shipping");
    assertThat(config.database().password().reveal()).isEqualTo(DB_PASSWORD);
    assertThat(config.database().schema()).isEqualTo("shipping_eu");
    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(config.kafka().topic()).isEqualTo("shipments");
    assertThat(config.kafka().clientProperties())
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS);
    assertThat(config.fedex()).hasValueSatisfying(fedex -> {
      assertThat(fedex.baseUrl()).isEqualTo("https://apis.fedex.com");
      assertThat(fedex.shipCredentials().clientId()).isEqualTo("fedex-client");
      assertThat(fedex.shipCredentials().clientSecret().reveal()).isEqualTo(FEDEX_SECRET);
      assertThat(fedex.accountNumber().reveal()).isEqualTo("740561073");
    });
    assertThat(config.usps()).hasValueSatisfying(usps -> {
      assertThat(usps.clientId()).isEqualTo("usps-client");
      assertThat(usps.clientSecret().reveal()).isEqualTo(USPS_SECRET);
    });
    assertThat(config.preferences().defaultCarrier()).isEqualTo(CarrierCode.USPS);
    assertThat(config.work().trackingInterval()).isEqualTo(Duration.ofHours(12));
    assertThat(config.work().trackingSpread()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.work().lease()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.work().alertAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(config.schedule().labelWorkers()).isEqualTo(3);
    assertThat(config.schedule().alertCheck()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.pagerDuty()).hasValueSatisfying(pagerDuty -> {
      assertThat(pagerDuty.url()).isEqualTo(URI.create("https://events.eu.pagerduty.com/v2/enqueue"));
      assertThat(pagerDuty.routingKey().reveal()).isEqualTo(ROUTING_KEY);
    });
  }

  @Test
  void givenPlainHttpCarrierOrPagerDutyUrls_whenRead_thenStartIsRefusedUnlessInsecureHttpIsAllowedOnPurpose() {
    Map<String, String> env = completeEnvironment();
    env.put("FEDEX_BASE_URL", "http://apis.fedex.com");
    env.put("USPS_BASE_URL", "http://apis.usps.com");
    env.put("PAGERDUTY_URL", "http://events.pagerduty.com/v2/enqueue");

    assertThatExceptionOfType(InvalidConfigurationException.class)
        .isThrownBy(() -> EnvironmentConfig.read(env, CLOCK))
        .withMessageContaining("FEDEX_BASE_URL must be an https:// URL")
        .withMessageContaining("USPS_BASE_URL must be an https:// URL")
        .withMessageContaining("PAGERDUTY_URL must be an https:// URL");
    env.put("ALLOW_INSECURE_HTTP", "true");
    assertThat(EnvironmentConfig.read(env, CLOCK).fedex()).hasValueSatisfying(
        fedex -> assertThat(fedex.baseUrl()).isEqualTo("http://apis.fedex.com"));
  }

  @Test
  void givenOperationsVariables_whenRead_thenMetricsAndLoopSettingsFollowThem() {
    Map<String, String> env = completeEnvironment();
    env.put("METRICS_PORT", "9100");
    env.put("METRICS_TOKEN", "scrape-token-1");
    env.put("LOOP_STALL_AFTER", "3m");
    env.put("DATABASE_CONNECTION_TIMEOUT", "750ms");

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.operations().metricsPort()).isEqualTo(9100);
    assertThat(config.operations().metricsToken()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("scrape-token-1"));
    assertThat(config.operations().loopStallAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(EnvironmentConfig.read(completeEnvironment(), CLOCK).operations().metricsPort()).isEqualTo(9464);
    assertThat(EnvironmentConfig.read(completeEnvironment(), CLOCK).database().connectionTimeout())
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void givenOnlyTheRequiredVariables_whenRead_thenTheSeedsDefaultsApply() {
    Map<String, String> env = completeEnvironment();
    List.of("PORT", "MAX_REQUEST_BODY_BYTES", "ACCESS_LOG", "KAFKA_TOPIC", "DEFAULT_CARRIER", "TRACKING_INTERVAL", "TRACKING_SPREAD",
        "TASK_LEASE", "ALERT_AFTER", "ALERT_CHECK_INTERVAL", "LABEL_WORKERS", "PAGERDUTY_ROUTING_KEY", "PAGERDUTY_URL",
        "FEDEX_BASE_URL", "DATABASE_SCHEMA").forEach(env::remove);

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().accessLog()).as("refused and failed requests only").isEqualTo(AccessLog.ERRORS);
    assertThat(config.database().schema()).isEqualTo("shipment_tracking");
    assertThat(config.kafka().topic()).isEqualTo("shipment-tracking-events");
    assertThat(config.preferences().defaultCarrier()).isEqualTo(CarrierCode.FEDEX);
    assertThat(config.work().trackingInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(config.work().alertAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(config.pagerDuty()).isEmpty();
    assertThat(config.fedex()).hasValueSatisfying(
        fedex -> assertThat(fedex.baseUrl()).isEqualTo("https://apis-sandbox.fedex.com"));
  }

  @Test
  void givenSeveralMistakes_whenRead_thenOneMessageNamesEveryVariableAtFaultAndNoSecret() {
    Map<String, String> env = completeEnvironment();
    env.remove("DATABASE_URL");
    env.remove("FEDEX_CLIENT_SECRET");
    env.put("TRACKING_INTERVAL", "often");
    env.put("CARRIERS", "fedex,usps,dhl");
    env.put("DATABASE_SCHEMA", "Shipping-EU");
    env.put("ACCESS_LOG", "verbose");

    ThrowingCallable reading = () -> EnvironmentConfig.read(env, CLOCK);

    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(reading).satisfies(e -> {
      assertThat(e.getMessage()).contains("DATABASE_URL", "TRACKING_INTERVAL", "'often'", "CARRIERS", "dhl",
          "FEDEX_CLIENT_SECRET", "DATABASE_SCHEMA", "'Shipping-EU'", "ACCESS_LOG: must be all, errors or off")
          .doesNotContain("\n");
      assertThat(SECRETS).allSatisfy(secret -> assertThat(e.getMessage()).doesNotContain(secret));
    });
  }

  @Test
  void givenSecretsInFiles_whenRead_thenTheFilesContentsAreTheSecrets(@TempDir Path dir) throws IOException {
    Map<String, String> env = completeEnvironment();
    env.remove("FEDEX_CLIENT_SECRET");
    env.remove("DATABASE_PASSWORD");
    env.put("FEDEX_CLIENT_SECRET_FILE", write(dir.resolve("fedex"), FEDEX_SECRET + "\n"));
    env.put("DATABASE_PASSWORD_FILE", write(dir.resolve("db"), DB_PASSWORD));

    ServiceConfig config = EnvironmentConfig.read(env, CLOCK);

    assertThat(config.fedex().orElseThrow().shipCredentials().clientSecret().reveal()).isEqualTo(FEDEX_SECRET);
    assertThat(config.database().password().reveal()).isEqualTo(DB_PASSWORD);
  }

  @Test
  void givenASecretFileThatCannotBeRead_whenRead_thenTheVariableIsNamed(@TempDir Path dir) {
    Map<String, String> env = completeEnvironment();
    env.remove("USPS_CLIENT_SECRET");
    env.put("USPS_CLIENT_SECRET_FILE", dir.resolve("missing").toString());

    ThrowingCallable reading = () -> EnvironmentConfig.read(env, CLOCK);

    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(reading)
        .withMessageContaining("USPS_CLIENT_SECRET_FILE");
  }

  @Test
  void givenACompleteEnvironment_whenTheConfigIsPrinted_thenNoSecretShows() {
    ServiceConfig config = EnvironmentConfig.read(completeEnvironment(), CLOCK);

    String printed = config.toString();

    assertThat(printed).contains("kafka-1:9092", "fedex-client", "usps-client");
    assertThat(SECRETS).allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
  }

  private static String write(Path file, String content) throws IOException {
    Files.writeString(file, content);
    return file.toString();
  }
}

package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.adapter.in.http.HttpConfig;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.adapter.out.alerting.PagerDutyConfig;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexConfig;
import com.ostore.shipping.adapter.out.carrier.usps.UspsConfig;
import com.ostore.shipping.adapter.out.kafka.KafkaConfig;
import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.application.service.RetryBackoff;
import com.ostore.shipping.application.service.ShippingPreferences;
import com.ostore.shipping.application.service.WorkSettings;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.model.WeightUnit;
import com.ostore.shipping.domain.support.Secret;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Reads {@link ServiceConfig} from environment variables; see the README's configuration table. */
public final class EnvironmentConfig {
  private EnvironmentConfig() {}

  /**
   * @throws InvalidConfigurationException naming every variable at fault, in one line
   */
  public static ServiceConfig read(Map<String, String> environment, Clock clock) {
    EnvReader env = new EnvReader(environment);
    HttpConfig http = new HttpConfig(env.integer("PORT", 8080, 0, 65535),
        env.integer("MAX_REQUEST_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024));
    DatabaseConfig database = database(env);
    KafkaConfig kafka = new KafkaConfig(env.required("KAFKA_BOOTSTRAP_SERVERS", "host:port of the Kafka brokers"),
        env.string("KAFKA_TOPIC", KafkaConfig.DEFAULT_TOPIC), env.passThrough("KAFKA_CLIENT_"),
        env.duration("KAFKA_PUBLISH_TIMEOUT", KafkaConfig.DEFAULT_PUBLISH_TIMEOUT));
    int partitions = env.integer("KAFKA_TOPIC_PARTITIONS", 3, 1, 1000);

    Set<CarrierCode> carriers = carriers(env);
    CarrierCode defaultCarrier = env.parsed("DEFAULT_CARRIER", "fedex", CarrierCode::fromWireName);
    if (!carriers.contains(defaultCarrier)) {
      env.problem("DEFAULT_CARRIER " + defaultCarrier.wireName() + " is not among CARRIERS");
    }
    LabelFormat labelFormat = env.parsed("LABEL_FORMAT", "PDF", LabelFormat::fromName);
    ParcelRequest defaultParcel = new ParcelRequest(
        env.parsed("DEFAULT_PACKAGE_WEIGHT_LB", "1", v -> new Weight(new BigDecimal(v), WeightUnit.LB)),
        env.parsed("DEFAULT_PACKAGE_DIMENSIONS", "12x9x4 in", Dimensions::parse));
    ShippingPreferences preferences = new ShippingPreferences(defaultCarrier, Map.of(), defaultParcel, labelFormat);

    Optional<PostalAddress> shipFrom = carriers.isEmpty() ? Optional.empty() : Optional.ofNullable(shipFrom(env));
    CarrierSettings carrierSettings = new CarrierSettings(env, clock, labelFormat);
    Optional<FedexConfig> fedex = carriers.contains(CarrierCode.FEDEX) && shipFrom.isPresent()
        ? attempt(env, "FedEx", () -> carrierSettings.fedex(shipFrom.get())) : Optional.empty();
    Optional<UspsConfig> usps = carriers.contains(CarrierCode.USPS) && shipFrom.isPresent()
        ? attempt(env, "USPS", () -> carrierSettings.usps(shipFrom.get())) : Optional.empty();

    WorkSettings work = work(env).withRelayLease(relayLease(kafka.publishTimeout()));
    WorkSchedule schedule = new WorkSchedule(env.integer("LABEL_WORKERS", 4, 1, 64),
        env.duration("POLL_INTERVAL", Duration.ofMillis(500)), env.duration("RELAY_INTERVAL", Duration.ofSeconds(5)),
        work.lease().dividedBy(3), env.duration("ALERT_CHECK_INTERVAL", Duration.ofMinutes(1)), Duration.ofHours(1));
    Optional<PagerDutyConfig> pagerDuty = env.secret("PAGERDUTY_ROUTING_KEY").map(key -> new PagerDutyConfig(
        env.uri("PAGERDUTY_URL", "https://events.pagerduty.com/v2/enqueue"), key,
        env.string("ALERT_SOURCE", "ostore-shipment-tracking"), Duration.ofSeconds(10)));
    SecurityConfig security = AuthSettings.read(env);
    env.failIfInvalid();
    return new ServiceConfig(http, database, kafka, partitions, fedex, usps, preferences, work, schedule, pagerDuty,
        security);
  }

  /** Builds an adapter config; a value it refuses becomes one more reported problem. */
  private static <T> Optional<T> attempt(EnvReader env, String what, Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (RuntimeException e) {
      env.problem(what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static DatabaseConfig database(EnvReader env) {
    String url = env.required("DATABASE_URL", "a jdbc:postgresql:// URL; the local runner starts an embedded one");
    if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
      env.problem("DATABASE_URL must start with jdbc:postgresql:");
      return null;
    }
    Secret password = env.secret("DATABASE_PASSWORD").orElse(Secret.of(""));
    int pool = env.integer("DATABASE_POOL_SIZE", 10, 1, 200);
    String schema = env.parsed("DATABASE_SCHEMA", DatabaseConfig.DEFAULT_SCHEMA, DatabaseConfig::checkSchemaName);
    return url.isEmpty() ? null : new DatabaseConfig(url, env.string("DATABASE_USER", "postgres"), password, pool,
        Duration.ofSeconds(5), schema);
  }

  private static Set<CarrierCode> carriers(EnvReader env) {
    Set<CarrierCode> carriers = EnumSet.noneOf(CarrierCode.class);
    List<String> names = Arrays.stream(env.string("CARRIERS", "fedex,usps").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
    for (String name : names) {
      try {
        carriers.add(CarrierCode.fromWireName(name));
      } catch (RuntimeException e) {
        env.problem("CARRIERS: unknown carrier '" + name + "' (use fedex, usps)");
      }
    }
    return carriers;
  }

  private static PostalAddress shipFrom(EnvReader env) {
    String street = env.required("SHIPPER_STREET", "the address labels are shipped from");
    String city = env.required("SHIPPER_CITY", "the address labels are shipped from");
    String state = env.required("SHIPPER_STATE", "the address labels are shipped from");
    String postal = env.required("SHIPPER_POSTAL_CODE", "the address labels are shipped from");
    String country = env.string("SHIPPER_COUNTRY", "US");
    try {
      return new PostalAddress(List.of(street.isEmpty() ? "-" : street), city.isEmpty() ? "-" : city, state, postal,
          country);
    } catch (RuntimeException e) {
      env.problem("SHIPPER_* does not form a valid address");
      return null;
    }
  }

  /**
   * A publish waits for the broker up to the publish timeout, and what it sent near the end may be
   * retried by the producer for as long again: the relay lease covers both, with 10 s to spare.
   */
  static Duration relayLease(Duration publishTimeout) {
    return publishTimeout.multipliedBy(2).plusSeconds(10);
  }

  private static WorkSettings work(EnvReader env) {
    Duration interval = env.duration("TRACKING_INTERVAL", Duration.ofDays(1));
    Duration spread = env.duration("TRACKING_SPREAD", Duration.ofHours(4));
    if (spread.compareTo(interval) > 0) {
      env.problem("TRACKING_SPREAD cannot be longer than TRACKING_INTERVAL");
      spread = interval;
    }
    Duration initial = env.duration("RETRY_INITIAL", Duration.ofSeconds(10));
    Duration max = env.duration("RETRY_MAX", Duration.ofHours(1));
    if (max.compareTo(initial) < 0) {
      env.problem("RETRY_MAX cannot be shorter than RETRY_INITIAL");
      max = initial;
    }
    return new WorkSettings(env.integer("CLAIM_BATCH_SIZE", 10, 1, 1000), env.duration("TASK_LEASE", Duration.ofMinutes(5)),
        RetryBackoff.of(initial, max), interval, spread, env.duration("TRACKING_MAX_AGE", Duration.ofDays(60)),
        env.duration("ALERT_AFTER", Duration.ofDays(1)), env.integer("RELAY_BATCH_SIZE", 200, 1, 10_000),
        env.duration("OUTBOX_RETENTION", Duration.ofDays(7)), env.duration("IDEMPOTENCY_KEY_RETENTION",
        Duration.ofDays(1)));
  }
}

package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.adapter.in.http.AccessLog;
import com.ostore.shipping.adapter.in.http.HttpConfig;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.adapter.out.alerting.PagerDutyConfig;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexConfig;
import com.ostore.shipping.adapter.out.carrier.usps.UspsConfig;
import com.ostore.shipping.adapter.out.kafka.KafkaConfig;
import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.adapter.out.persistence.DatabaseTimeouts;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Reads {@link ServiceConfig} from environment variables; see the README's configuration table. */
public final class EnvironmentConfig {
  /**
   * One page is one attempt on the thread that raised the alert (a refused one is sent again later by the
   * alert store): short enough that no worker waits on PagerDuty for long.
   */
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(5);
  /** Connections HTTP requests must have at least, and get by default, besides the background work's. */
  private static final int MIN_HTTP_CONNECTIONS = 2;
  private static final int DEFAULT_HTTP_CONNECTIONS = 5;

  private EnvironmentConfig() {}

  /**
   * @throws InvalidConfigurationException naming every variable at fault, in one line
   */
  public static ServiceConfig read(Map<String, String> environment, Clock clock) {
    EnvReader env = new EnvReader(environment);
    HttpConfig http = new HttpConfig(env.integer("PORT", 8080, 0, 65535),
        env.integer("MAX_REQUEST_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024),
        env.parsed("ACCESS_LOG", "errors", AccessLog::fromName));
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
    Dimensions defaultDimensions = defaultParcel.dimensions() == null ? Dimensions.parse("12x9x4 in")
        : defaultParcel.dimensions();
    CarrierSettings carrierSettings = new CarrierSettings(env, clock, labelFormat, defaultDimensions);
    Optional<FedexConfig> fedex = carriers.contains(CarrierCode.FEDEX) && shipFrom.isPresent()
        ? attempt(env, "FedEx", () -> carrierSettings.fedex(shipFrom.get())) : Optional.empty();
    Optional<UspsConfig> usps = carriers.contains(CarrierCode.USPS) && shipFrom.isPresent()
        ? attempt(env, "USPS", () -> carrierSettings.usps(shipFrom.get())) : Optional.empty();

    WorkSettings work = work(env).withRelayLease(relayLease(kafka.publishTimeout()));
    WorkSchedule schedule = new WorkSchedule(env.integer("LABEL_WORKERS", 4, 1, 64),
        env.duration("POLL_INTERVAL", Duration.ofMillis(500)), env.duration("RELAY_INTERVAL", Duration.ofSeconds(5)),
        work.lease().dividedBy(3), env.duration("ALERT_CHECK_INTERVAL", Duration.ofMinutes(1)), Duration.ofHours(1),
        env.duration("SHUTDOWN_GRACE", Duration.ofSeconds(30)));
    DatabaseConfig database = database(env, schedule);
    Optional<PagerDutyConfig> pagerDuty = env.secret("PAGERDUTY_ROUTING_KEY").map(key -> new PagerDutyConfig(
        env.uri("PAGERDUTY_URL", "https://events.pagerduty.com/v2/enqueue"), key,
        env.string("ALERT_SOURCE", "ostore-shipment-tracking"), PAGE_TIMEOUT));
    boolean insecureAllowed = env.parsed("ALLOW_INSECURE_HTTP", "false", EnvironmentConfig::strictBoolean);
    requireHttps(env, insecureAllowed, "FEDEX_BASE_URL", fedex.map(FedexConfig::baseUrl));
    requireHttps(env, insecureAllowed, "USPS_BASE_URL", usps.map(UspsConfig::baseUrl));
    requireHttps(env, insecureAllowed, "PAGERDUTY_URL", pagerDuty.map(p -> p.url().toString()));
    OperationsSettings operations = new OperationsSettings(
        env.integer("METRICS_PORT", OperationsSettings.DEFAULT_METRICS_PORT, -1, 65535), env.secret("METRICS_TOKEN"),
        env.duration("LOOP_STALL_AFTER", OperationsSettings.defaults().loopStallAfter()));
    SecurityConfig security = AuthSettings.read(env);
    env.failIfInvalid();
    return new ServiceConfig(http, database, kafka, partitions, fedex, usps, preferences, work, schedule, pagerDuty,
        security, operations);
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

  private static DatabaseConfig database(EnvReader env, WorkSchedule schedule) {
    String url = env.required("DATABASE_URL", "a jdbc:postgresql:// URL; the local runner starts an embedded one");
    if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
      env.problem("DATABASE_URL must start with jdbc:postgresql:");
      return null;
    }
    Secret password = env.secret("DATABASE_PASSWORD").orElse(Secret.of(""));
    int pool = poolSize(env, schedule);
    String schema = env.parsed("DATABASE_SCHEMA", DatabaseConfig.DEFAULT_SCHEMA, DatabaseConfig::checkSchemaName);
    DatabaseTimeouts timeouts = timeouts(env);
    return url.isEmpty() || timeouts == null ? null
        : new DatabaseConfig(url, env.string("DATABASE_USER", "postgres"), password, pool,
            atLeast(env, "DATABASE_CONNECTION_TIMEOUT", DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT, Duration.ofMillis(250)),
            schema, timeouts);
  }

  /** Room for every background thread at once plus HTTP requests; the default leaves HTTP a few more. */
  private static int poolSize(EnvReader env, WorkSchedule schedule) {
    int background = schedule.backgroundConnections();
    int needed = background + MIN_HTTP_CONNECTIONS;
    int pool = env.integer("DATABASE_POOL_SIZE", background + DEFAULT_HTTP_CONNECTIONS, 1, 200);
    if (pool < needed) {
      env.problem("DATABASE_POOL_SIZE " + pool + " is too small: " + schedule.labelWorkers() + " LABEL_WORKERS, the "
          + "tracking run, the outbox relay, lease renewal, the stale-work check, outbox pruning, idempotency key "
          + "purge and the stored answers' refresh hold up to "
          + background + " connections at once and HTTP requests need at least " + MIN_HTTP_CONNECTIONS
          + "; set DATABASE_POOL_SIZE to " + needed + " or more, or lower LABEL_WORKERS");
    }
    return pool;
  }

  private static DatabaseTimeouts timeouts(EnvReader env) {
    DatabaseTimeouts defaults = DatabaseTimeouts.defaults();
    Duration statement = env.duration("DATABASE_STATEMENT_TIMEOUT", defaults.statementTimeout());
    Duration socket = env.duration("DATABASE_SOCKET_TIMEOUT", defaults.socketTimeout());
    Duration idle = env.duration("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", defaults.idleInTransactionTimeout());
    boolean keepAlive = env.parsed("DATABASE_TCP_KEEPALIVE", "true", EnvironmentConfig::strictBoolean);
    boolean valid = true;
    if (socket.compareTo(statement) <= 0) {
      env.problem("DATABASE_SOCKET_TIMEOUT must be longer than DATABASE_STATEMENT_TIMEOUT, so the server cancels a "
          + "slow statement before the client drops its connection");
      valid = false;
    }
    return valid ? new DatabaseTimeouts(socket, statement, idle, keepAlive) : null;
  }

  private static boolean strictBoolean(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  /**
   * Carrier credentials, labels with customers' addresses and the on-call routing key travel over these
   * URLs: plain http is refused unless ALLOW_INSECURE_HTTP=true says it on purpose (local runs, tests).
   */
  private static void requireHttps(EnvReader env, boolean insecureAllowed, String name, Optional<String> url) {
    if (url.isPresent() && !insecureAllowed && !url.get().toLowerCase(Locale.ROOT).startsWith("https://")) {
      env.problem(name + " must be an https:// URL (ALLOW_INSECURE_HTTP=true allows http for local runs)");
    }
  }

  private static Duration atLeast(EnvReader env, String name, Duration fallback, Duration minimum) {
    Duration value = env.duration(name, fallback);
    if (value.compareTo(minimum) < 0) {
      env.problem(name + " must be at least " + minimum.toMillis() + "ms");
      return minimum;
    }
    return value;
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
    // The default follows a shortened interval (the local run tracks every minute) instead of refusing it.
    Duration defaultEarly = Duration.ofHours(1).compareTo(interval.dividedBy(2)) > 0 ? interval.dividedBy(2)
        : Duration.ofHours(1);
    Duration early = env.duration("TRACKING_EARLY_WINDOW", defaultEarly);
    if (early.compareTo(interval.dividedBy(2)) > 0) {
      env.problem("TRACKING_EARLY_WINDOW cannot be longer than half of TRACKING_INTERVAL");
      early = interval.dividedBy(2);
    }
    Duration initial = env.duration("RETRY_INITIAL", Duration.ofSeconds(10));
    Duration max = env.duration("RETRY_MAX", Duration.ofHours(1));
    if (max.compareTo(initial) < 0) {
      env.problem("RETRY_MAX cannot be shorter than RETRY_INITIAL");
      max = initial;
    }
    return new WorkSettings(env.integer("CLAIM_BATCH_SIZE", 10, 1, 1000), env.duration("TASK_LEASE", Duration.ofMinutes(5)),
        RetryBackoff.of(initial, max), interval, spread, env.duration("TRACKING_MAX_AGE", Duration.ofDays(60)),
        env.duration("ALERT_AFTER", Duration.ofDays(1)), env.integer("RELAY_BATCH_SIZE", 1000, 1, 10_000),
        env.duration("OUTBOX_RETENTION", Duration.ofDays(7)), env.duration("IDEMPOTENCY_KEY_RETENTION",
        Duration.ofDays(1)), early, Map.of(
        CarrierCode.FEDEX, env.integer("FEDEX_TRACKING_CALLS_PER_HOUR",
            WorkSettings.DEFAULT_TRACKING_CALLS_PER_HOUR.get(CarrierCode.FEDEX), 1, 1_000_000),
        CarrierCode.USPS, env.integer("USPS_TRACKING_CALLS_PER_HOUR",
            WorkSettings.DEFAULT_TRACKING_CALLS_PER_HOUR.get(CarrierCode.USPS), 1, 1_000_000)));
  }
}

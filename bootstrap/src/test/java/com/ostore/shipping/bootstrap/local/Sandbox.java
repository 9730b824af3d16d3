package com.ostore.shipping.bootstrap.local;

import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.sandbox.fedex.FedexSimulator;
import com.ostore.shipping.sandbox.fedex.FedexSimulatorSettings;
import com.ostore.shipping.sandbox.kafka.KafkaBroker;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outside world on this machine: a real PostgreSQL, a real Kafka broker and the FedEx and USPS
 * simulators, plus the environment variables that point the service at them, and an API key made up for
 * this run that may do everything. Used by the local run, the end-to-end tests and the benchmarks; never
 * by the production jar.
 */
public final class Sandbox implements AutoCloseable {
  public static final String FEDEX_CLIENT_ID = "fedex-sandbox-client";
  public static final String FEDEX_CLIENT_SECRET = "fedex-sandbox-secret";
  /** The scopes the development key grants: all of them. */
  public static final String ALL_SCOPES = "shipments:read,shipments:write,shipments:cancel,labels:read";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, String> environment = new HashMap<>();
  // Set once, while the constructor starts them.
  private KafkaBroker kafka;
  private FedexSimulator fedex;
  private UspsSimulator usps;
  private final String apiKey = ApiKey.generate();

  private Sandbox(Optional<Path> dataDirectory, Optional<DatabaseCoordinates> givenDatabase, int kafkaPort,
      Clock carrierClock, Duration trackingStep) {
    try {
      start(dataDirectory, givenDatabase, kafkaPort, carrierClock, trackingStep);
    } catch (RuntimeException | Error e) {
      // A stand-in that failed to start must not leave the others running (a broker JVM outlives us).
      close();
      throw e;
    }
  }

  private void start(Optional<Path> dataDirectory, Optional<DatabaseCoordinates> givenDatabase, int kafkaPort,
      Clock carrierClock, Duration trackingStep) {
    DatabaseCoordinates database = givenDatabase.orElseGet(() -> dataDirectory
        .map(dir -> remember(EmbeddedDatabase.startPersistent(dir.resolve("postgres"), 0)))
        .map(db -> new DatabaseCoordinates(db.jdbcUrl(), db.username(), db.password()))
        .orElseGet(EmbeddedDatabase::freshDatabase));
    kafka = remember(dataDirectory.map(dir -> KafkaBroker.persistent(dir.resolve("kafka"), kafkaPort))
        .orElseGet(KafkaBroker::temporary)).start();
    fedex = remember(new FedexSimulator(FedexSimulatorSettings.of(FEDEX_CLIENT_ID, FEDEX_CLIENT_SECRET, carrierClock)
        .withStageDuration(trackingStep))).start();
    usps = remember(new UspsSimulator(UspsSimulator.DEFAULT_CLIENT_ID, UspsSimulator.DEFAULT_CLIENT_SECRET,
        carrierClock)).start();
    // USPS moves one scan per step through six scans, FedEx one stage per step through seven.
    usps.trackingStep(trackingStep);
    environment.putAll(Map.of(
        "DATABASE_URL", database.jdbcUrl(),
        "DATABASE_USER", database.username(),
        "DATABASE_PASSWORD", database.password(),
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "FEDEX_BASE_URL", fedex.baseUrl(),
        "FEDEX_CLIENT_ID", FEDEX_CLIENT_ID,
        "FEDEX_CLIENT_SECRET", FEDEX_CLIENT_SECRET,
        "FEDEX_ACCOUNT_NUMBER", "740561073",
        "USPS_BASE_URL", usps.baseUrl()));
    environment.putAll(Map.of(
        "USPS_CLIENT_ID", UspsSimulator.DEFAULT_CLIENT_ID,
        "USPS_CLIENT_SECRET", UspsSimulator.DEFAULT_CLIENT_SECRET,
        "USPS_CRID", "56982563",
        "USPS_MID", "904128936",
        "USPS_ACCOUNT_NUMBER", "1000405525",
        "SHIPPER_STREET", "1 Warehouse Way",
        "SHIPPER_CITY", "Memphis",
        "SHIPPER_STATE", "TN",
        "SHIPPER_POSTAL_CODE", "38118"));
    // The stand-ins listen on plain http on this machine.
    environment.put("ALLOW_INSECURE_HTTP", "true");
    // The service is configured with the key's hash only, as in production.
    environment.put("API_KEYS", "local-dev:" + ApiKey.sha256Hex(apiKey) + ":" + ALL_SCOPES);
  }

  /** Stand-ins that keep their data in {@code dataDirectory} across restarts (the local run). */
  public static Sandbox persistent(Path dataDirectory, int kafkaPort, Duration trackingStep) {
    return new Sandbox(Optional.of(dataDirectory), Optional.empty(), kafkaPort, Clock.systemUTC(), trackingStep);
  }

  /** Throw-away stand-ins for one test class; the carriers' scans follow {@code carrierClock}. */
  public static Sandbox temporary(Clock carrierClock, Duration trackingStep) {
    return new Sandbox(Optional.empty(), Optional.empty(), 0, carrierClock, trackingStep);
  }

  /**
   * Throw-away stand-ins around a database the caller runs (and may stop and start again), for tests of
   * a database outage.
   */
  public static Sandbox aroundDatabase(DatabaseCoordinates database, Clock carrierClock, Duration trackingStep) {
    return new Sandbox(Optional.empty(), Optional.of(database), 0, carrierClock, trackingStep);
  }

  /** The variables that point the service at these stand-ins. */
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /** The development API key (send it as {@code Authorization: Bearer <key>}); new for every sandbox. */
  public String apiKey() {
    return apiKey;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public FedexSimulator fedex() {
    return fedex;
  }

  public UspsSimulator usps() {
    return usps;
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // Best effort: the rest must still stop.
      }
    }
  }
}

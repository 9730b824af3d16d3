package com.ostore.shipping.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL server is stopped and started again under steady load. Meanwhile the
 * service says it is not ready and answers writes {@code 503} with a {@code Retry-After} (never a
 * {@code 500}); afterwards it recovers by itself, and every shipment it had acknowledged is still there
 * and gets its labels.
 */
class PostgresRestartFaultIT {
  private static final Duration PACE = Duration.ofMillis(100);
  private static final Duration DOWN = FaultSizes.pick(Duration.ofSeconds(5), Duration.ofSeconds(30));

  private static Path dataDirectory;
  private static EmbeddedDatabase server;
  private static Sandbox sandbox;
  private static Map<String, String> ownDatabase;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() throws IOException {
    dataDirectory = Files.createTempDirectory("ostore-faults-postgres-");
    server = EmbeddedDatabase.startPersistent(dataDirectory, 0);
    DatabaseCoordinates coordinates = server.createDatabase("faults");
    sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6));
    ownDatabase = Map.of("DATABASE_URL", coordinates.jdbcUrl(), "DATABASE_USER", coordinates.username(),
        "DATABASE_PASSWORD", coordinates.password());
    Map<String, String> environment = new HashMap<>(sandbox.environment());
    environment.putAll(ownDatabase);
    database = new ServiceDatabase(environment);
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
    // Work whose worker could not even record its failure while the database was down waits for its
    // lease to run out: a short lease keeps the scenario short.
    Map<String, String> overrides = new HashMap<>(ownDatabase);
    overrides.putAll(Map.of("TASK_LEASE", "5s", "RETRY_INITIAL", "500ms", "RETRY_MAX", "4s"));
    service = ServiceUnderTest.start(sandbox, Clock.systemUTC(), ShipmentLoad.unthrottled(overrides));
  }

  @AfterAll
  static void stop() {
    service.close();
    orderManagement.close();
    sandbox.close();
    server.close();
    deleteQuietly(dataDirectory);
  }

  @Test
  void aDatabaseRestartUnderLoadLosesNoAcknowledgedWriteAndTheServiceRecoversByItself() {
    ShipmentLoad load = new ShipmentLoad(() -> service.server().port(), sandbox.apiKey(), PACE, 40_000);
    Map<Integer, AtomicLong> readiness = new ConcurrentHashMap<>();
    Instant down;
    Instant up;
    Duration firstWrite;
    Duration ready;
    Set<Long> acknowledgedWhileDown;
    Map<String, Long> refusedWhileDown;
    try {
      load.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= 5);
      int port = server.port();
      server.close();
      down = Instant.now();
      Set<Long> acknowledgedAtStop = load.acknowledged();
      long ticksAtStop = load.ticks();
      Map<String, Long> failuresAtStop = load.failures();
      long downRequests = DOWN.toMillis() / PACE.toMillis();
      // The server stays down while the load sends its share of requests; readiness is asked meanwhile.
      await().atMost(DOWN.multipliedBy(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
        readiness.computeIfAbsent(service.get("/health/ready").statusCode(), s -> new AtomicLong()).incrementAndGet();
        return load.ticks() >= ticksAtStop + downRequests;
      });
      acknowledgedWhileDown = Set.copyOf(difference(load.acknowledged(), acknowledgedAtStop));
      refusedWhileDown = difference(load.failures(), failuresAtStop);
      server = EmbeddedDatabase.startPersistent(dataDirectory, port);
      up = Instant.now();
      int acknowledgedAtStart = load.acknowledgedCount();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
          .until(() -> load.acknowledgedCount() > acknowledgedAtStart);
      firstWrite = Duration.between(up, Instant.now());
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> service.get("/health/ready").statusCode() == 200);
      ready = Duration.between(up, Instant.now());
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= acknowledgedAtStart + 5);
    } finally {
      load.close();
    }
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(2, 5)));
    Duration settled = Duration.between(up, Instant.now());
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());
    Map<Integer, Long> readinessSeen = new TreeMap<>();
    readiness.forEach((status, count) -> readinessSeen.put(status, count.get()));

    FaultReport report = new FaultReport("PostgreSQL restarted under load")
        .checked("the database server stopped and started again while shipments were created and labelled")
        .checked("writes answer 503 with Retry-After while it is down, never 500; readiness answers 503;"
            + " the service recovers without a restart of its own")
        .figure("database down", Duration.between(down, up))
        .figure("requests while down, by outcome", refusedWhileDown.toString())
        .figure("requests not acknowledged in the whole run, by outcome", load.failures().toString())
        .figure("readiness answers while down", readinessSeen.toString())
        .figure("writes acknowledged while down", acknowledgedWhileDown.size())
        .figure("first acknowledged write after the restart", firstWrite)
        .figure("ready again after the restart", ready)
        .figure("every shipment labelled and its events sent, after the restart", settled);
    Guarantees.report(report, outcome);
    report.publish();

    Guarantees.assertHeld(outcome);
    assertThat(readinessSeen).as("readiness while the database was down").containsKey(503);
    assertThat(refusedWhileDown).as("how writes were refused while the database was down")
        .containsKey("HTTP 503 Retry-After 2");
    assertThat(load.failures().keySet()).as("every write not acknowledged in the whole run")
        .containsOnly("HTTP 503 Retry-After 2");
  }

  private static Set<Long> difference(Set<Long> all, Set<Long> before) {
    Set<Long> after = new HashSet<>(all);
    after.removeAll(before);
    return after;
  }

  private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> since = new TreeMap<>();
    now.forEach((outcome, count) -> {
      long added = count - before.getOrDefault(outcome, 0L);
      if (added > 0) {
        since.put(outcome, added);
      }
    });
    return since;
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}

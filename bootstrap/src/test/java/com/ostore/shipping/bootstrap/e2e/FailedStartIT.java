package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.bootstrap.local.LocalShipmentTracking;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import com.ostore.shipping.sandbox.postgres.NeighbourApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A start that cannot succeed, here because the schema the service is given holds another
 * application's tables: the production jar and the local run each end on their own, non-zero, with
 * the cause in one line, and the local run stops the database, broker and simulators it had started.
 */
class FailedStartIT {
  private static final String CAUSE = "schema public holds the migration history of another application; give this"
      + " service a schema of its own (the schema is set by DATABASE_SCHEMA)";

  private static DatabaseCoordinates sharedDatabase;

  @BeforeAll
  static void aDatabaseWhosePublicSchemaIsAnotherApplications() {
    sharedDatabase = EmbeddedDatabase.freshDatabase();
    NeighbourApplication.installIn(sharedDatabase);
  }

  @Test
  void theProductionJarExitsNonZeroWithTheCauseInOneLineAndNoStackTrace() {
    Ended jar = run(List.of("-jar", productionJar()), productionEnvironment(Map.of()), Duration.ofMinutes(1),
        "failed-start-jar.log");

    assertThat(jar.status()).isEqualTo(1);
    assertThat(jar.linesContaining("could not start")).singleElement().asString().contains(CAUSE);
    assertThat(jar.stackTraceLines()).isEmpty();
  }

  @Test
  void atDebugLevelTheProductionJarAlsoPrintsTheStackTrace() {
    Ended jar = run(List.of("-jar", productionJar()), productionEnvironment(Map.of("LOG_LEVEL", "DEBUG")),
        Duration.ofMinutes(1), "failed-start-jar-debug.log");

    assertThat(jar.status()).isEqualTo(1);
    assertThat(jar.linesContaining("could not start")).singleElement().asString().contains(CAUSE);
    assertThat(jar.stackTraceLines()).anyMatch(line -> line.contains("SchemaOwnership.check"));
  }

  @Test
  void theLocalRunStopsEverythingItStartedAndExitsNonZeroWithTheCauseInOneLine() throws IOException {
    Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "failed-local-run-");
    Map<String, String> env = new HashMap<>(databaseEnvironment());
    env.putAll(Map.of("LOCAL_DATA_DIR", data.toString(),
        "LOCAL_KAFKA_PORT", Integer.toString(ChildService.freePort()),
        "PORT", Integer.toString(ChildService.freePort())));

    Ended local;
    List<ProcessHandle> leftBehind;
    try {
      // The broker and PostgreSQL start first, so this waits for them; a hang would not end at all.
      local = run(List.of("-cp", ChildService.classPath(), LocalShipmentTracking.class.getName()), env,
          Duration.ofMinutes(4), "failed-start-local.log");
    } finally {
      // PostgreSQL is no child of the JVM that started it (pg_ctl detaches it): found by its data directory,
      // and stopped here so a failing run leaves nothing behind either.
      leftBehind = stillUsing(data);
      leftBehind.forEach(ProcessHandle::destroy);
    }

    assertThat(local.status()).isEqualTo(1);
    assertThat(local.linesContaining("could not start")).singleElement().asString().contains(CAUSE);
    assertThat(data.resolve("postgres/PG_VERSION")).as("the embedded PostgreSQL had started").exists();
    assertThat(data.resolve("kafka/broker.log")).as("the broker had started").exists();
    assertThat(leftBehind).as("processes still using %s", data).isEmpty();
  }

  /** Processes whose command line names {@code directory}: the local run's PostgreSQL and broker. */
  private static List<ProcessHandle> stillUsing(Path directory) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(directory.toString()))
        .toList();
  }

  /** How a child JVM ended: its exit status and everything it printed. */
  private record Ended(int status, List<String> output) {
    List<String> linesContaining(String text) {
      return output.stream().filter(line -> line.contains(text)).toList();
    }

    List<String> stackTraceLines() {
      return output.stream().filter(line -> line.stripLeading().startsWith("at ")).toList();
    }
  }

  private static Ended run(List<String> arguments, Map<String, String> env, Duration atMost, String logName) {
    Path log = ChildService.createParents(Path.of("target", logName));
    List<String> command = new ArrayList<>(List.of(ChildService.javaExecutable(), "-Xmx256m"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      if (!process.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError("still running after " + atMost + " instead of exiting; see " + log);
      }
      return new Ended(process.exitValue(), Files.readAllLines(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> databaseEnvironment() {
    return Map.of("DATABASE_URL", sharedDatabase.jdbcUrl(), "DATABASE_USER", sharedDatabase.username(),
        "DATABASE_PASSWORD", sharedDatabase.password(), "DATABASE_SCHEMA", "public");
  }

  /** A complete production configuration; nothing but the database is reached before the start fails. */
  private static Map<String, String> productionEnvironment(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(databaseEnvironment());
    env.putAll(Map.of("PORT", Integer.toString(ChildService.freePort()),
        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ChildService.freePort(),
        "FEDEX_CLIENT_ID", "fedex-client", "FEDEX_CLIENT_SECRET", "fedex-secret", "FEDEX_ACCOUNT_NUMBER", "740561073",
        "USPS_CLIENT_ID", "usps-client", "USPS_CLIENT_SECRET", "usps-secret", "USPS_CRID", "56982563",
        "USPS_MID", "904128936"));
    env.putAll(Map.of("USPS_ACCOUNT_NUMBER", "1000405525", "SHIPPER_STREET", "1 Warehouse Way",
        "SHIPPER_CITY", "Memphis", "SHIPPER_STATE", "TN", "SHIPPER_POSTAL_CODE", "38118"));
    // A credential source, so the start gets as far as the database (the hash of a key nobody uses).
    env.put("API_KEYS", "failed-start:118f83f0a4613c003e8a7f9350e2a444c6acb0a3f2883e289107653968cb33f8:shipments:read");
    env.putAll(overrides);
    return env;
  }

  /** Built by the package phase, before the integration tests; Maven names it in this property. */
  private static String productionJar() {
    String jar = System.getProperty("productionJar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("no production jar at " + jar + ": run this test through mvn verify");
    }
    return jar;
  }
}

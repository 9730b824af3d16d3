package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.support.Secret;
import java.time.Duration;
import java.util.Objects;

/** How to reach the PostgreSQL database; built by the caller, its {@code toString()} hides the password. */
public record DatabaseConfig(
    String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout,
    DatabaseTimeouts timeouts) {

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
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

  /** A config with the {@linkplain DatabaseTimeouts#defaults() default timeouts}. */
  public DatabaseConfig(String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout) {
    this(jdbcUrl, username, password, maxPoolSize, connectionTimeout, DatabaseTimeouts.defaults());
  }

  /** A config with a pool of 10 and a 5 second connection timeout. */
  public static DatabaseConfig of(String jdbcUrl, String username, Secret password) {
    return new DatabaseConfig(jdbcUrl, username, password, 10, Duration.ofSeconds(5));
  }

  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***, maxPoolSize="
        + maxPoolSize + ", connectionTimeout=" + connectionTimeout + ", timeouts=" + timeouts + "]";
  }
}

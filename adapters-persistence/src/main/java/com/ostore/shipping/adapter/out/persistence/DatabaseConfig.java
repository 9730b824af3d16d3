package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.support.Secret;
import java.time.Duration;
import java.util.Objects;

/** How to reach the PostgreSQL database; built by the caller, its {@code toString()} hides the password. */
public record DatabaseConfig(
    String jdbcUrl, String username, Secret password, int maxPoolSize, Duration connectionTimeout) {

  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(500);

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
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

  /**
   * A config with a pool of 10 and a half-second connection timeout: a request that cannot get a
   * connection in that time meets a database outage, and is better told so at once than kept waiting.
   */
  public static DatabaseConfig of(String jdbcUrl, String username, Secret password) {
    return new DatabaseConfig(jdbcUrl, username, password, 10, DEFAULT_CONNECTION_TIMEOUT);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***, maxPoolSize="
        + maxPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
  }
}

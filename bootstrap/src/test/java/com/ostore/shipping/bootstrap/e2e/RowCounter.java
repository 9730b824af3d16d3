package com.ostore.shipping.bootstrap.e2e;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Counts, on one open connection so it can be asked thousands of times, the rows only an API request
 * writes: shipments, packages and label tasks (background work adds labels, events and tracking tasks
 * on its own schedule, so those counts say nothing about a single request).
 */
final class RowCounter implements AutoCloseable {
  private static final String QUERY = "SELECT (SELECT count(*) FROM shipments), (SELECT count(*) FROM packages),"
      + " (SELECT count(*) FROM tasks WHERE kind = 'create_labels')";

  private final Connection connection;

  RowCounter(Map<String, String> environment) throws SQLException {
    connection = DriverManager.getConnection(environment.get("DATABASE_URL"), environment.get("DATABASE_USER"),
        environment.get("DATABASE_PASSWORD"));
    // The service's tables live in its own schema (DATABASE_SCHEMA).
    connection.setSchema(environment.getOrDefault("DATABASE_SCHEMA", DatabaseConfig.DEFAULT_SCHEMA));
  }

  /** Shipments, packages and label tasks, in that order. */
  List<Long> counts() {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

package com.ostore.shipping.bootstrap.e2e;

import com.ostore.shipping.bootstrap.local.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the service's tables straight over JDBC, to see what a request or a background run wrote
 * (or did not write) and who holds a piece of work.
 */
final class ServiceDatabase {
  private static final List<String> TABLES =
      List.of("shipments", "packages", "trackingevents", "labels", "tasks", "outbox");

  /** The newest label task of one shipment. */
  record LabelTask(long id, String state, int attempts, Instant runAt, String leaseOwner, Instant leaseUntil) {
    String alertKey() {
      return "ostore-shipping-task-" + id;
    }
  }

  private final String url;
  private final String user;
  private final String password;

  ServiceDatabase(Sandbox sandbox) {
    Map<String, String> env = sandbox.environment();
    this.url = env.get("DATABASE_URL");
    this.user = env.get("DATABASE_USER");
    this.password = env.get("DATABASE_PASSWORD");
  }

  /** Rows per table the service writes. */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = connect()) {
      for (String table : TABLES) {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows", e);
    }
    return counts;
  }

  Optional<LabelTask> labelTask(long shipmentId) {
    String sql = "SELECT id, state, attempts, run_at, lease_owner, lease_until FROM tasks"
        + " WHERE kind = 'create_labels' AND subject_id = ? ORDER BY id DESC LIMIT 1";
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, shipmentId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new LabelTask(row.getLong("id"), row.getString("state"), row.getInt("attempts"),
            instant(row.getTimestamp("run_at")), row.getString("lease_owner"), instant(row.getTimestamp("lease_until"))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the label task of shipment " + shipmentId, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

package com.ostore.shipping.bootstrap.e2e;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the service's tables straight from PostgreSQL, as an operator would: how many rows each table
 * holds (to show a refused request wrote nothing) and the durable task queue (how often work was
 * attempted, who holds it, when it runs next), without going through the service. It reads the
 * schema the service was given (DATABASE_SCHEMA), as the service does.
 */
public final class ServiceDatabase {
  private static final List<String> TABLES =
      List.of("shipments", "packages", "trackingevents", "labels", "tasks", "outbox", "idempotency_keys");

  /** One row of the tasks table. */
  public record TaskRow(long id, String kind, long subjectId, String state, int attempts, Instant runAt,
      Instant updatedAt, String leaseOwner, Instant leaseUntil, String lastError) {
    /** The dedup key the service pages on-call with for this task. */
    String alertKey() {
      return "ostore-shipping-task-" + id;
    }
  }

  private static final String COLUMNS =
      "id, kind, subject_id, state, attempts, run_at, updated_at, lease_owner, lease_until, last_error";

  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  public ServiceDatabase(Map<String, String> environment) {
    this.url = environment.get("DATABASE_URL");
    this.user = environment.get("DATABASE_USER");
    this.password = environment.get("DATABASE_PASSWORD");
    this.schema = environment.getOrDefault("DATABASE_SCHEMA", DatabaseConfig.DEFAULT_SCHEMA);
  }

  String schema() {
    return schema;
  }

  /** Rows per table the service writes. */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      run("SELECT count(*) FROM " + table, rs -> counts.put(table, rs.getLong(1)));
    }
    return counts;
  }

  /** Events in the outbox the relay has not yet handed to the broker. */
  public long unsentEvents() {
    List<Long> count = new ArrayList<>();
    run("SELECT count(*) FROM outbox_unsent", rs -> count.add(rs.getLong(1)));
    return count.get(0);
  }

  /** The status of every shipment, by id. */
  public Map<Long, String> shipmentStatuses() {
    Map<Long, String> statuses = new LinkedHashMap<>();
    run("SELECT shipmentID, shipmentStatus FROM shipments ORDER BY shipmentID",
        rs -> statuses.put(rs.getLong(1), rs.getString(2)));
    return statuses;
  }

  /** The answer stored with a shipment for its current version (null when there is none). */
  public String storedAnswer(long shipmentId) {
    List<String> answer = new ArrayList<>();
    answer.add(null);
    run("SELECT rendered FROM shipments WHERE shipmentID = " + shipmentId + " AND rendered_version = version",
        rs -> answer.set(0, rs.getString(1)));
    return answer.get(0);
  }

  /** Makes every shipment look as a release before V66 left it: no stored answer, and no walk through them yet. */
  void forgetStoredAnswers() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE shipments SET rendered = NULL, rendered_format = NULL, rendered_version = NULL");
      statement.executeUpdate("DELETE FROM stored_answer_walks");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the service database: " + e.getMessage(), e);
    }
  }

  /** How many shipments each carrier has. */
  public Map<String, Long> shipmentsPerCarrier() {
    Map<String, Long> counts = new LinkedHashMap<>();
    run("SELECT carrierCode, count(*) FROM shipments GROUP BY carrierCode ORDER BY carrierCode",
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    return counts;
  }

  /** Every tracking number recorded for the packages of this carrier's shipments. */
  public List<String> trackingNumbersOf(String carrier) {
    List<String> numbers = new ArrayList<>();
    run("SELECT p.trackingNumber FROM packages p JOIN shipments s ON s.shipmentID = p.shipmentID"
        + " WHERE s.carrierCode = ? AND p.trackingNumber IS NOT NULL ORDER BY p.trackingNumber",
        rs -> numbers.add(rs.getString(1)), carrier);
    return numbers;
  }

  /** The id of every event written to the outbox, sent or not. */
  public List<String> outboxEventIds() {
    List<String> ids = new ArrayList<>();
    run("SELECT event_id FROM outbox ORDER BY seq", rs -> ids.add(rs.getString(1)));
    return ids;
  }

  /** The newest label task of a shipment. */
  Optional<TaskRow> labelTask(long shipmentId) {
    List<TaskRow> rows = query("SELECT " + COLUMNS + " FROM tasks WHERE kind = 'create_labels' AND subject_id = ?"
        + " ORDER BY id DESC LIMIT 1", shipmentId);
    return rows.stream().findFirst();
  }

  public List<TaskRow> ofKind(String kind) {
    return query("SELECT " + COLUMNS + " FROM tasks WHERE kind = ? ORDER BY id", kind);
  }

  /**
   * When the earliest waiting label retry is due, but only while no label work is running: a test that
   * moves its clock there then skips the idle wait without cutting a running attempt's lease short.
   */
  Optional<Instant> nextLabelRetryWhileIdle() {
    List<Instant> found = new ArrayList<>();
    run("SELECT count(*) FILTER (WHERE state = 'running'), min(run_at) FILTER (WHERE state = 'ready')"
        + " FROM tasks WHERE kind = 'create_labels'", rs -> {
          if (rs.getLong(1) == 0 && rs.getObject(2) != null) {
            found.add(instant(rs, 2));
          }
        });
    return found.stream().findFirst();
  }

  /** The newest tracking task of an order. */
  Optional<TaskRow> trackingTask(long orderId) {
    return query("SELECT " + COLUMNS + " FROM tasks WHERE kind = 'track_order' AND subject_id = ?"
        + " ORDER BY id DESC LIMIT 1", orderId).stream().findFirst();
  }

  /** The tracking numbers recorded for a shipment's packages, in package order (null where none yet). */
  public List<String> trackingNumbers(long shipmentId) {
    List<String> numbers = new ArrayList<>();
    run("SELECT trackingNumber FROM packages WHERE shipmentID = ? ORDER BY packageID",
        rs -> numbers.add(rs.getString(1)), shipmentId);
    return numbers;
  }

  /** The database server's clock, which leases follow. */
  Instant databaseNow() {
    List<Instant> now = new ArrayList<>();
    run("SELECT now()", rs -> now.add(instant(rs, 1)));
    return now.get(0);
  }

  /**
   * The session holding the outbox relay's advisory lock in this database, if any: its client port as
   * the server sees it, and since when its transaction runs. The relay's is the one lock taken with a
   * single (bigint) key, {@code objsubid} 1; the per-order event locks take two keys.
   */
  Optional<LockHolder> advisoryLockHolder() {
    List<LockHolder> holders = new ArrayList<>();
    run("SELECT a.pid, a.client_port, a.xact_start, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        rs -> holders.add(new LockHolder(rs.getInt(1), rs.getInt(2), instant(rs, 3), rs.getString(4))));
    return holders.stream().findFirst();
  }

  /** The outbox relay's lease while it runs (by the database's clock): the relay holding it. */
  Optional<String> relayLeaseHolder() {
    List<String> holders = new ArrayList<>();
    run("SELECT holder FROM outbox_relay_lease WHERE leased_until > clock_timestamp() AND holder IS NOT NULL",
        rs -> holders.add(rs.getString(1)));
    return holders.stream().findFirst();
  }

  /** A session that holds a lock, as pg_stat_activity shows it. */
  record LockHolder(int pid, int clientPort, Instant transactionStart, String state) {}

  private List<TaskRow> query(String sql, Object... parameters) {
    List<TaskRow> rows = new ArrayList<>();
    run(sql, rs -> rows.add(new TaskRow(rs.getLong("id"), rs.getString("kind"), rs.getLong("subject_id"),
        rs.getString("state"), rs.getInt("attempts"), instant(rs, "run_at"), instant(rs, "updated_at"),
        rs.getString("lease_owner"), instant(rs, "lease_until"), rs.getString("last_error"))), parameters);
    return rows;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void run(String sql, RowReader reader, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the service database: " + e.getMessage(), e);
    }
  }

  /** A connection that sees the service's schema only, as the service's own connections do. */
  public Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url, user, password);
    connection.setSchema(schema);
    return connection;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

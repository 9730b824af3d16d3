package com.ostore.shipping.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bare batched baseline of the tracking sweep: what a minimal correct sweep must do, and nothing
 * more. One query finds the due packages; per carrier, the same largest-batch calls through the same
 * carrier adapters, one after the other; after each call, one transaction stores the new scans (one
 * multi-row INSERT ... ON CONFLICT DO NOTHING against the same unique constraint), the package and
 * shipment statuses and the next tracking run (JDBC batches) and one outbox row per new scan with a
 * JSON payload (a JDBC batch). It works on copies of the service's tables, with their indexes,
 * constraints and foreign keys, in a schema of its own on the same database, so it neither sees the
 * service's rows nor sends anything to Kafka. No leases, locks, quota, retries or events ordering.
 */
final class BareTrackingBaseline {
  private static final String BARE = "bare_baseline";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection db;
  private long askingNanos;
  private long storingNanos;

  private BareTrackingBaseline(Connection db) {
    this.db = db;
  }

  /** Copies the service's shipments, packages and tracking tasks into empty twins of its tables (not timed). */
  static BareTrackingBaseline prepare(Connection db, String schema) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + BARE + " CASCADE");
      sql.execute("CREATE SCHEMA " + BARE);
      for (String table : List.of("shipments", "packages", "trackingevents", "outbox", "tasks")) {
        sql.execute("CREATE TABLE " + BARE + "." + table + " (LIKE " + schema + "." + table + " INCLUDING ALL)");
      }
      sql.execute("INSERT INTO " + BARE + ".shipments SELECT * FROM " + schema + ".shipments");
      sql.execute("INSERT INTO " + BARE + ".packages SELECT * FROM " + schema + ".packages");
      sql.execute("INSERT INTO " + BARE + ".tasks OVERRIDING SYSTEM VALUE SELECT * FROM " + schema
          + ".tasks WHERE kind = 'track_order'");
      sql.execute("UPDATE " + BARE + ".tasks SET state = 'ready', run_at = now() - interval '1 minute'");
      sql.execute("ALTER TABLE " + BARE + ".packages ADD FOREIGN KEY (shipmentID) REFERENCES " + BARE
          + ".shipments (shipmentID)");
      sql.execute("ALTER TABLE " + BARE + ".trackingevents ADD FOREIGN KEY (packageID) REFERENCES " + BARE
          + ".packages (packageID)");
      sql.execute("ANALYZE " + BARE + ".shipments, " + BARE + ".packages, " + BARE + ".tasks");
    }
    return new BareTrackingBaseline(db);
  }

  /** The timed part: finds what is due, asks the carriers, stores the answers. */
  void sweep(Map<CarrierCode, CarrierGateway> gateways) throws SQLException {
    Map<CarrierCode, Map<TrackingNumber, Due>> due = due();
    for (Map.Entry<CarrierCode, Map<TrackingNumber, Due>> carrier : due.entrySet()) {
      CarrierGateway gateway = gateways.get(carrier.getKey());
      List<TrackingNumber> numbers = List.copyOf(carrier.getValue().keySet());
      int batch = gateway.maxTrackingBatchSize();
      for (int from = 0; from < numbers.size(); from += batch) {
        long asked = System.nanoTime();
        List<TrackingReport> reports = gateway.track(numbers.subList(from, Math.min(numbers.size(), from + batch)));
        long answered = System.nanoTime();
        store(reports, carrier.getValue());
        askingNanos += answered - asked;
        storingNanos += System.nanoTime() - answered;
      }
    }
  }

  /** The time spent waiting for the carriers alone: what no sweep making these calls one by one can beat. */
  double askingSeconds() {
    return askingNanos / 1e9;
  }

  /** Where the sweep's time went: waiting for the carriers, and storing their answers. */
  String breakdown() {
    return "%.2f s asking the carriers, %.2f s storing".formatted(askingNanos / 1e9, storingNanos / 1e9);
  }

  private record Due(long packageId, long shipmentId, long orderId) {}

  private Map<CarrierCode, Map<TrackingNumber, Due>> due() throws SQLException {
    Map<CarrierCode, Map<TrackingNumber, Due>> due = new LinkedHashMap<>();
    try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("""
        SELECT p.packageID, p.shipmentID, s.orderID, s.carrierCode, p.trackingNumber
        FROM %1$s.tasks t JOIN %1$s.shipments s ON s.orderID = t.subject_id
        JOIN %1$s.packages p ON p.shipmentID = s.shipmentID
        WHERE t.kind = 'track_order' AND t.state = 'ready' AND t.run_at <= now() AND p.trackingNumber IS NOT NULL
        ORDER BY s.orderID, p.packageID
        """.formatted(BARE))) {
      while (rows.next()) {
        due.computeIfAbsent(CarrierCode.fromWireName(rows.getString(4)), c -> new LinkedHashMap<>())
            .put(TrackingNumber.of(rows.getString(5)), new Due(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
      }
    }
    return due;
  }

  private void store(List<TrackingReport> reports, Map<TrackingNumber, Due> packages) throws SQLException {
    List<Object[]> scans = new ArrayList<>();
    Map<Long, String> packageStatus = new LinkedHashMap<>();
    Map<Long, Due> byPackage = new HashMap<>();
    Set<Long> orders = new LinkedHashSet<>();
    for (TrackingReport report : reports) {
      Due pkg = packages.get(report.trackingNumber());
      orders.add(pkg.orderId());
      byPackage.put(pkg.packageId(), pkg);
      for (CarrierScan scan : report.scans()) {
        scans.add(new Object[] {pkg.packageId(), scan.type().wireName(), Timestamp.from(scan.occurredAt().toInstant()),
            offset(scan.occurredAt().getOffset()), scanKey(scan), scan.location(), scan.rawCode(), scan.description(),
            json(scan.details())});
      }
      report.scans().stream().max(Comparator.comparing(scan -> scan.occurredAt().toInstant()))
          .flatMap(scan -> scan.type().packageStatus())
          .ifPresent(status -> packageStatus.put(pkg.packageId(), status.wireName()));
    }
    db.setAutoCommit(false);
    try {
      List<Object[]> stored = insertScans(scans);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement packagesUpdate = db.prepareStatement("UPDATE " + BARE
              + ".packages SET packageStatus = ?, updatedAt = ? WHERE packageID = ?");
          PreparedStatement shipmentsUpdate = db.prepareStatement("UPDATE " + BARE
              + ".shipments SET shipmentStatus = ?, updatedAt = ?, version = version + 1 WHERE shipmentID = ?");
          PreparedStatement outbox = db.prepareStatement("INSERT INTO " + BARE
              + ".outbox (event_id, message_key, event_type, payload) VALUES (?, ?, ?, CAST(? AS jsonb))");
          PreparedStatement nextRun = db.prepareStatement("UPDATE " + BARE
              + ".tasks SET run_at = run_at + interval '1 day', updated_at = ? WHERE kind = 'track_order' "
              + "AND subject_id = ? AND state = 'ready'")) {
        for (Map.Entry<Long, String> moved : packageStatus.entrySet()) {
          packagesUpdate.setString(1, moved.getValue());
          packagesUpdate.setTimestamp(2, now);
          packagesUpdate.setLong(3, moved.getKey());
          packagesUpdate.addBatch();
          shipmentsUpdate.setString(1, moved.getValue());
          shipmentsUpdate.setTimestamp(2, now);
          shipmentsUpdate.setLong(3, byPackage.get(moved.getKey()).shipmentId());
          shipmentsUpdate.addBatch();
        }
        for (Object[] scan : stored) {
          Due pkg = byPackage.get((Long) scan[0]);
          Map<String, Object> payload = new LinkedHashMap<>();
          UUID id = UUID.randomUUID();
          payload.put("eventId", id.toString());
          payload.put("eventType", scan[1]);
          payload.put("occurredAt", scan[2].toString());
          payload.put("shipmentId", pkg.shipmentId());
          payload.put("orderId", pkg.orderId());
          payload.put("packageId", pkg.packageId());
          payload.put("location", scan[5]);
          payload.put("details", scan[8]);
          payload.put("recordedAt", now.toInstant().toString());
          outbox.setObject(1, id);
          outbox.setString(2, String.valueOf(pkg.shipmentId()));
          outbox.setString(3, (String) scan[1]);
          outbox.setString(4, json(payload));
          outbox.addBatch();
        }
        for (long order : orders) {
          nextRun.setTimestamp(1, now);
          nextRun.setLong(2, order);
          nextRun.addBatch();
        }
        packagesUpdate.executeBatch();
        shipmentsUpdate.executeBatch();
        outbox.executeBatch();
        nextRun.executeBatch();
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** One multi-row statement; returns the rows that were new. */
  private List<Object[]> insertScans(List<Object[]> scans) throws SQLException {
    if (scans.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("INSERT INTO " + BARE + ".trackingevents (packageID, eventType, "
        + "eventTimestamp, eventUtcOffset, scanKey, location, rawCode, description, details) VALUES ");
    for (int i = 0; i < scans.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))");
    }
    sql.append(" ON CONFLICT (packageID, rawCode, scanKey) DO NOTHING RETURNING packageID, rawCode, scanKey");
    Set<String> inserted = new LinkedHashSet<>();
    try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
      int p = 1;
      for (Object[] scan : scans) {
        for (Object value : scan) {
          insert.setObject(p++, value);
        }
      }
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getLong(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
        }
      }
    }
    return scans.stream().filter(scan -> inserted.remove(scan[0] + "|" + scan[6] + "|" + scan[4])).toList();
  }

  private static String scanKey(CarrierScan scan) {
    return "I" + scan.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() + "Z";
  }

  private static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

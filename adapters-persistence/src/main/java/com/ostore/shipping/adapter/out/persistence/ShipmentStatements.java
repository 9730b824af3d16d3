package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentRow;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The SQL of the two API calls that run on every request, {@code POST /shipments} and
 * {@code GET /shipments/{id}}, on the JDBC connection of the Jdbi handle (so they join its transaction
 * when one is open). Profiles of the API under load showed Jdbi's per-statement machinery (a reflective
 * SqlObject handler, argument resolution for each bound value, a specialised constructor mapper per
 * result) costing more CPU than the database work; plain prepared statements with positional
 * parameters cost a fraction of it.
 */
final class ShipmentStatements {
  /** Creates with up to this many packages reuse one prepared SQL text per count; more are built each time. */
  private static final int CACHED_PARCEL_COUNTS = 8;
  private static final String[] INSERTS = new String[CACHED_PARCEL_COUNTS + 1];
  private static final String[] CLAIMED_INSERTS = new String[CACHED_PARCEL_COUNTS + 1];
  private static final String FIND_BY_ID = ShipmentDao.SELECT_WITH_PACKAGES
      + "WHERE s.shipmentID = ? ORDER BY p.packageID";

  private static final String FIND_BY_IDS = ShipmentDao.SELECT_WITH_PACKAGES
      + "WHERE s.shipmentID = ANY(?) ORDER BY s.shipmentID, p.packageID";
  // Timestamps and the weight travel as text, in the forms PostgreSQL reads (the weight keeps its scale).
  private static final String[] SHIPMENT_COLUMN_TYPES = {"int8", "int8", "text", "text", "text", "text", "text",
      "text", "text", "text", "text", "text", "text", "text", "int8", "text", "text", "text", "text"};
  private static final String[] PACKAGE_COLUMN_TYPES = {"int8", "int8", "text", "text", "text", "text", "text",
      "text", "text", "text"};
  private static final String[] TASK_COLUMN_TYPES = {"int8", "text", "text"};
  private static final String BATCH_INSERT = buildBatchInsertSql(false);
  private static final String CLAIMED_BATCH_INSERT = buildBatchInsertSql(true);

  private ShipmentStatements() {}

  /**
   * One statement: the shipment, its packages and its label task, each insert a part of one
   * data-modifying CTE, so they commit together without a transaction of their own.
   */
  static void insertWithLabelTask(Connection connection, ShipmentRow shipment, List<ParcelRow> parcels,
      Instant labelsDueAt) {
    insertWithLabelTask(connection, shipment, parcels, labelsDueAt, null);
  }

  /**
   * {@link #insertWithLabelTask} that first claims an idempotency key in the same statement, with the
   * answer as its outcome; the other inserts happen only when the claim did. Returns whether it did. On a
   * key another transaction claimed and has not committed, PostgreSQL makes the claim wait for it and
   * then finds the conflict.
   */
  static boolean insertWithLabelTask(
      Connection connection, ShipmentRow shipment, List<ParcelRow> parcels, Instant labelsDueAt,
      IdempotencyClaim claim) {
    String sql = claim == null ? insertSql(INSERTS, parcels.size(), false) : insertSql(CLAIMED_INSERTS, parcels.size(), true);
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int at = 1;
      if (claim != null) {
        insert.setString(at++, claim.callerId());
        insert.setString(at++, claim.key());
        insert.setString(at++, claim.requestFingerprint());
        insert.setObject(at++, utc(claim.claimedAt()));
        insert.setLong(at++, shipment.shipmentId());
        insert.setString(at++, claim.response());
        insert.setObject(at++, utc(claim.expiredBefore()));
      }
      insert.setLong(at++, shipment.shipmentId());
      insert.setLong(at++, shipment.orderId());
      insert.setString(at++, shipment.shippingAddress());
      insert.setString(at++, shipment.addressStreetLines());
      insert.setString(at++, shipment.addressCity());
      insert.setString(at++, shipment.addressStateOrProvince());
      insert.setString(at++, shipment.addressPostalCode());
      insert.setString(at++, shipment.addressCountry());
      insert.setString(at++, shipment.shipmentStatus());
      insert.setString(at++, shipment.carrierCode());
      insert.setString(at++, shipment.serviceType());
      insert.setString(at++, shipment.failureReason());
      insert.setObject(at++, utc(shipment.createdAt()));
      insert.setObject(at++, utc(shipment.updatedAt()));
      insert.setLong(at++, shipment.version());
      insert.setString(at++, shipment.recipientName());
      insert.setString(at++, shipment.recipientCompany());
      insert.setString(at++, shipment.recipientPhone());
      insert.setString(at++, shipment.recipientEmail());
      for (ParcelRow parcel : parcels) {
        insert.setLong(at++, parcel.packageId());
        insert.setLong(at++, parcel.shipmentId());
        insert.setString(at++, parcel.packageDimensions());
        insert.setBigDecimal(at++, parcel.packageWeight());
        insert.setString(at++, parcel.weightUnit());
        insert.setString(at++, parcel.packageStatus());
        insert.setString(at++, parcel.trackingNumber());
        insert.setString(at++, parcel.serviceType());
        insert.setObject(at++, utc(parcel.createdAt()));
        insert.setObject(at++, utc(parcel.updatedAt()));
      }
      insert.setString(at++, TaskKind.CREATE_LABELS.wireName());
      insert.setLong(at++, shipment.shipmentId());
      insert.setObject(at++, utc(labelsDueAt));
      insert.setObject(at++, utc(shipment.createdAt()));
      insert.setObject(at++, utc(labelsDueAt));
      insert.setObject(at, utc(shipment.createdAt()));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("could not store shipment " + shipment.shipmentId(), e, null);
    }
  }

  static List<ShipmentParcelRow> findById(Connection connection, long shipmentId) {
    try (PreparedStatement select = connection.prepareStatement(FIND_BY_ID)) {
      select.setLong(1, shipmentId);
      try (ResultSet rows = select.executeQuery()) {
        List<ShipmentParcelRow> found = new ArrayList<>(2);
        while (rows.next()) {
          found.add(shipmentParcelRow(rows));
        }
        return found;
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("could not read shipment " + shipmentId, e, null);
    }
  }

  /** One create as the coalescer holds it: the rows to write and, for a keyed request, its claim (else null). */
  record PendingCreate(ShipmentRow shipment, List<ParcelRow> parcels, Instant labelsDueAt, IdempotencyClaim claim) {}

  /**
   * Several creates in one statement (so one transaction and one round trip): each column of the
   * shipments, packages and label tasks as one array. A keyed create's rows are written only when its
   * claim is taken, exactly as {@link #insertWithLabelTask} decides it for one; the caller must not put
   * one key twice in a batch (PostgreSQL would refuse the statement). Returns the ids of the shipments
   * written.
   */
  static Set<Long> insertAllWithLabelTasks(Connection connection, List<PendingCreate> creates) throws SQLException {
    int n = creates.size();
    int parcelCount = 0;
    int claimCount = 0;
    for (PendingCreate create : creates) {
      parcelCount += create.parcels().size();
      claimCount += create.claim() == null ? 0 : 1;
    }
    boolean anyClaim = claimCount > 0;
    try (PreparedStatement insert = connection.prepareStatement(anyClaim ? CLAIMED_BATCH_INSERT : BATCH_INSERT)) {
      int at = 1;
      if (anyClaim) {
        String[] callers = new String[claimCount];
        String[] keys = new String[claimCount];
        String[] fingerprints = new String[claimCount];
        String[] claimedAt = new String[claimCount];
        Long[] claimShipments = new Long[claimCount];
        String[] responses = new String[claimCount];
        String[] expiredBefore = new String[claimCount];
        Long[] unclaimed = new Long[n - claimCount];
        int c = 0;
        int u = 0;
        for (PendingCreate create : creates) {
          IdempotencyClaim claim = create.claim();
          if (claim == null) {
            unclaimed[u++] = create.shipment().shipmentId();
            continue;
          }
          callers[c] = claim.callerId();
          keys[c] = claim.key();
          fingerprints[c] = claim.requestFingerprint();
          claimedAt[c] = text(claim.claimedAt());
          claimShipments[c] = create.shipment().shipmentId();
          responses[c] = claim.response();
          expiredBefore[c++] = text(claim.expiredBefore());
        }
        insert.setArray(at++, connection.createArrayOf("text", callers));
        insert.setArray(at++, connection.createArrayOf("text", keys));
        insert.setArray(at++, connection.createArrayOf("text", fingerprints));
        insert.setArray(at++, connection.createArrayOf("text", claimedAt));
        insert.setArray(at++, connection.createArrayOf("int8", claimShipments));
        insert.setArray(at++, connection.createArrayOf("text", responses));
        insert.setArray(at++, connection.createArrayOf("text", expiredBefore));
        insert.setArray(at++, connection.createArrayOf("int8", unclaimed));
      }
      Object[][] shipments = new Object[19][n];
      Object[][] packages = new Object[10][parcelCount];
      Object[][] tasks = new Object[3][n];
      int p = 0;
      for (int i = 0; i < n; i++) {
        PendingCreate create = creates.get(i);
        ShipmentRow s = create.shipment();
        Object[] row = {s.shipmentId(), s.orderId(), s.shippingAddress(), s.addressStreetLines(), s.addressCity(),
            s.addressStateOrProvince(), s.addressPostalCode(), s.addressCountry(), s.shipmentStatus(),
            s.carrierCode(), s.serviceType(), s.failureReason(), text(s.createdAt()), text(s.updatedAt()),
            s.version(), s.recipientName(), s.recipientCompany(), s.recipientPhone(), s.recipientEmail()};
        for (int column = 0; column < row.length; column++) {
          shipments[column][i] = row[column];
        }
        for (ParcelRow parcel : create.parcels()) {
          Object[] parcelRow = {parcel.packageId(), parcel.shipmentId(), parcel.packageDimensions(),
              parcel.packageWeight() == null ? null : parcel.packageWeight().toPlainString(), parcel.weightUnit(),
              parcel.packageStatus(), parcel.trackingNumber(), parcel.serviceType(), text(parcel.createdAt()),
              text(parcel.updatedAt())};
          for (int column = 0; column < parcelRow.length; column++) {
            packages[column][p] = parcelRow[column];
          }
          p++;
        }
        tasks[0][i] = s.shipmentId();
        tasks[1][i] = text(create.labelsDueAt());
        tasks[2][i] = text(s.createdAt());
      }
      at = bindColumns(connection, insert, at, shipments, SHIPMENT_COLUMN_TYPES);
      at = bindColumns(connection, insert, at, packages, PACKAGE_COLUMN_TYPES);
      insert.setString(at++, TaskKind.CREATE_LABELS.wireName());
      bindColumns(connection, insert, at, tasks, TASK_COLUMN_TYPES);
      Set<Long> written = new HashSet<>(n * 2);
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          written.add(rows.getLong(1));
        }
      }
      return written;
    }
  }

  /** The shipments with these ids, each with its packages, in one query; rows ordered by shipment, then package. */
  static List<ShipmentParcelRow> findByIds(Connection connection, Long[] shipmentIds) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(FIND_BY_IDS)) {
      select.setArray(1, connection.createArrayOf("int8", shipmentIds));
      try (ResultSet rows = select.executeQuery()) {
        List<ShipmentParcelRow> found = new ArrayList<>(shipmentIds.length * 2);
        while (rows.next()) {
          found.add(shipmentParcelRow(rows));
        }
        return found;
      }
    }
  }

  private static int bindColumns(Connection connection, PreparedStatement statement, int at, Object[][] columns,
      String[] types) throws SQLException {
    for (int column = 0; column < columns.length; column++) {
      statement.setArray(at++, connection.createArrayOf(types[column], columns[column]));
    }
    return at;
  }

  /** An instant as PostgreSQL reads a timestamptz (ISO 8601, UTC), for the arrays of a batch. */
  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String insertSql(String[] cache, int parcels, boolean claimed) {
    if (parcels <= CACHED_PARCEL_COUNTS) {
      synchronized (cache) {
        if (cache[parcels] == null) {
          cache[parcels] = buildInsertSql(parcels, claimed);
        }
        return cache[parcels];
      }
    }
    return buildInsertSql(parcels, claimed);
  }

  private static String buildInsertSql(int parcels, boolean claimed) {
    String values = String.join(",\n        ", Collections.nCopies(parcels, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Packages (and the claim's outcome) reference the shipment: PostgreSQL checks that at the end of the
    // statement, when all are in. The shipment id is new, so no label task can exist for it: a plain insert
    // (no ON CONFLICT, whose speculative insertion cost a fifth of the statement) cannot meet another one.
    String claim = !claimed ? "WITH " : """
        WITH claim AS (
            INSERT INTO idempotency_keys (caller_id, idempotency_key, request_fingerprint, claimed_at, shipment_id,
                response)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (caller_id, idempotency_key) DO UPDATE
              SET request_fingerprint = EXCLUDED.request_fingerprint, claimed_at = EXCLUDED.claimed_at,
                  shipment_id = EXCLUDED.shipment_id, response = EXCLUDED.response
              WHERE idempotency_keys.claimed_at < ?
            RETURNING 1),
        """;
    String onlyIfClaimed = claimed ? " WHERE EXISTS (SELECT 1 FROM claim)" : "";
    return claim + """
        shipment AS (
            INSERT INTO Shipments (shipmentID, orderID, shippingAddress, addressStreetLines, addressCity,
                addressStateOrProvince, addressPostalCode, addressCountry, shipmentStatus, carrierCode, serviceType,
                failureReason, createdAt, updatedAt, version, recipientName, recipientCompany, recipientPhone,
                recipientEmail)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%2$s),
        packages AS (
            INSERT INTO Packages (packageID, shipmentID, packageDimensions, packageWeight, weightUnit, packageStatus,
                trackingNumber, serviceType, createdAt, updatedAt)
            SELECT * FROM (VALUES %1$s) AS p%2$s)
        INSERT INTO tasks (kind, subject_id, state, attempts, run_at, enqueued_at, awaiting_ack_since, updated_at)
        SELECT ?, ?, 'ready', 0, ?, ?, ?, ?%2$s
        """.formatted(values, onlyIfClaimed);
  }

  private static String buildBatchInsertSql(boolean claimed) {
    // As in the one-create statement: the claims first, then only the creates whose claim was taken (or
    // that have none). A claim's expiry bound is its own, looked up by the shipment it would create.
    String claims = !claimed ? "WITH " : """
        WITH claim_input AS (
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int8[], ?::text[],
                ?::timestamptz[])
              AS c(caller_id, idempotency_key, request_fingerprint, claimed_at, shipment_id, response, expired_before)),
        claim AS (
            INSERT INTO idempotency_keys AS k (caller_id, idempotency_key, request_fingerprint, claimed_at,
                shipment_id, response)
            SELECT caller_id, idempotency_key, request_fingerprint, claimed_at, shipment_id, response FROM claim_input
            ON CONFLICT (caller_id, idempotency_key) DO UPDATE
              SET request_fingerprint = EXCLUDED.request_fingerprint, claimed_at = EXCLUDED.claimed_at,
                  shipment_id = EXCLUDED.shipment_id, response = EXCLUDED.response
              WHERE k.claimed_at < (SELECT c.expired_before FROM claim_input c WHERE c.shipment_id = EXCLUDED.shipment_id)
            RETURNING shipment_id),
        creating AS (
            SELECT shipment_id FROM claim UNION ALL SELECT unnest(?::int8[])),
        """;
    String shipmentFilter = claimed ? " WHERE s.id IN (SELECT shipment_id FROM creating)" : "";
    String packageFilter = claimed ? " WHERE p.shipment IN (SELECT shipment_id FROM creating)" : "";
    String taskFilter = claimed ? " WHERE t.id IN (SELECT shipment_id FROM creating)" : "";
    return claims + """
        shipment AS (
            INSERT INTO Shipments (shipmentID, orderID, shippingAddress, addressStreetLines, addressCity,
                addressStateOrProvince, addressPostalCode, addressCountry, shipmentStatus, carrierCode, serviceType,
                failureReason, createdAt, updatedAt, version, recipientName, recipientCompany, recipientPhone,
                recipientEmail)
            SELECT s.* FROM unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int8[],
                ?::text[], ?::text[], ?::text[], ?::text[]) AS s(id)%1$s),
        packages AS (
            INSERT INTO Packages (packageID, shipmentID, packageDimensions, packageWeight, weightUnit, packageStatus,
                trackingNumber, serviceType, createdAt, updatedAt)
            SELECT p.* FROM unnest(?::int8[], ?::int8[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::timestamptz[], ?::timestamptz[]) AS p(id, shipment)%2$s)
        INSERT INTO tasks (kind, subject_id, state, attempts, run_at, enqueued_at, awaiting_ack_since, updated_at)
        SELECT ?, t.id, 'ready', 0, t.due, t.created, t.due, t.created
        FROM unnest(?::int8[], ?::timestamptz[], ?::timestamptz[]) AS t(id, due, created)%3$s
        RETURNING subject_id
        """.formatted(shipmentFilter, packageFilter, taskFilter);
  }

  /** The columns in the order of {@link ShipmentDao#SELECT_WITH_PACKAGES}. */
  private static ShipmentParcelRow shipmentParcelRow(ResultSet rs) throws SQLException {
    return new ShipmentParcelRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), instant(rs, 13), instant(rs, 14), rs.getLong(15), rs.getString(16), rs.getString(17),
        rs.getString(18), rs.getString(19), rs.getLong(20), rs.getString(21), rs.getBigDecimal(22), rs.getString(23),
        rs.getString(24), rs.getString(25), rs.getString(26), instant(rs, 27), instant(rs, 28));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

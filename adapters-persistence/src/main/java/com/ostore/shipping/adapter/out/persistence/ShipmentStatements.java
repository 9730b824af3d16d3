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
import java.util.ArrayList;
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
  private static final String FIND_BY_ID = ShipmentDao.SELECT_WITH_PACKAGES
      + "WHERE s.shipmentID = ? ORDER BY p.packageID";
  // Only a rendering of the current version counts: a writer that keeps none still raises the version.
  private static final String FIND_RENDERED =
      "SELECT rendered FROM Shipments WHERE shipmentID = ? AND rendered_format = ? AND rendered_version = version";

  // Timestamps and the weight travel as text, in the forms PostgreSQL reads (the weight keeps its scale).
  private static final String[] SHIPMENT_COLUMN_TYPES = {"int8", "int8", "text", "text", "text", "text", "text",
      "text", "text", "text", "text", "text", "text", "text", "int8", "text", "text", "text", "text", "text", "text"};
  private static final String[] PACKAGE_COLUMN_TYPES = {"int8", "int8", "text", "text", "text", "text", "text",
      "text", "text", "text"};
  private static final String[] TASK_COLUMN_TYPES = {"int8", "text", "text"};
  private static final String BATCH_INSERT = buildBatchInsertSql(false);
  private static final String CLAIMED_BATCH_INSERT = buildBatchInsertSql(true);

  private ShipmentStatements() {}

  /**
   * One create: the batch statement with one member, so a request that runs alone and one that shares a
   * batch write through the same SQL. Returns whether it was written (for a keyed create: whether its claim
   * was taken).
   */
  static boolean insertWithLabelTask(Connection connection, PendingCreate create) {
    try {
      return insertAllWithLabelTasks(connection, List.of(create)).contains(create.shipment().shipmentId());
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("could not store shipment " + create.shipment().shipmentId(), e,
          null);
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

  /**
   * The shipment's stored answer in {@code format}, as the UTF-8 bytes PostgreSQL sent (the driver hands a
   * text column's bytes over as they came); null when there is none for its current version.
   */
  static byte[] findRendered(Connection connection, long shipmentId, String format) {
    try (PreparedStatement select = connection.prepareStatement(FIND_RENDERED)) {
      select.setLong(1, shipmentId);
      select.setString(2, format);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getBytes(1) : null;
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
   * claim is taken, exactly as the claim would be decided alone; the caller must not put
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
      Object[][] shipments = columns(SHIPMENT_COLUMN_TYPES, n);
      Object[][] packages = columns(PACKAGE_COLUMN_TYPES, parcelCount);
      Object[][] tasks = columns(TASK_COLUMN_TYPES, n);
      int p = 0;
      for (int i = 0; i < n; i++) {
        PendingCreate create = creates.get(i);
        ShipmentRow s = create.shipment();
        Object[] row = {s.shipmentId(), s.orderId(), s.shippingAddress(), s.addressStreetLines(), s.addressCity(),
            s.addressStateOrProvince(), s.addressPostalCode(), s.addressCountry(), s.shipmentStatus(),
            s.carrierCode(), s.serviceType(), s.failureReason(), text(s.createdAt()), text(s.updatedAt()),
            s.version(), s.recipientName(), s.recipientCompany(), s.recipientPhone(), s.recipientEmail(),
            s.rendered(), s.renderedFormat()};
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

  /**
   * Empty columns of the element type each SQL type needs ({@code Long[]} for int8, {@code String[]} for text):
   * the driver sends typed arrays in PostgreSQL's binary form, where an {@code Object[]} is written out as an
   * array literal, every element quoted and escaped, and parsed back by the database.
   */
  private static Object[][] columns(String[] types, int rows) {
    Object[][] columns = new Object[types.length][];
    for (int column = 0; column < types.length; column++) {
      columns[column] = "int8".equals(types[column]) ? new Long[rows] : new String[rows];
    }
    return columns;
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

  private static String buildBatchInsertSql(boolean claimed) {
    // The claims first, then only the creates whose claim was taken (or that have none); a claim's expiry
    // bound is its own, looked up by the shipment it would create. Packages (and a claim's outcome) reference
    // their shipment: PostgreSQL checks that at the end of the statement, when all are in. The shipment ids
    // are new, so no label task can exist for them: a plain insert (no ON CONFLICT, whose speculative
    // insertion cost a fifth of the statement) cannot meet another one.
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
                recipientEmail, rendered, rendered_format, rendered_version)
            -- The answer stored with a create is of the version it creates.
            SELECT s.*, s.version FROM unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
              AS s(id, order_id, address, street_lines, city, state, postal_code, country, status, carrier,
                  service, failure, created_at, updated_at, version)%1$s),
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

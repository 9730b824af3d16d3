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
import java.util.List;
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

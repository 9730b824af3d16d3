package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentRow;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The SQL of the two API calls that run on every request, {@code POST /shipments} and
 * {@code GET /shipments/{id}}, written against Jdbi's fluent API with a hand-written row mapper: the
 * SqlObject route costs a reflective handler and a specialised constructor mapper per call, which on
 * this path weighed more than the database work itself.
 */
final class ShipmentStatements {
  /** Parcels a create may bring; more are stored by the same statement built for their number. */
  private static final int CACHED_PARCEL_COUNTS = 8;
  private static final String[] INSERTS = new String[CACHED_PARCEL_COUNTS + 1];

  static final RowMapper<ShipmentParcelRow> SHIPMENT_PARCEL_ROW = ShipmentStatements::shipmentParcelRow;

  private ShipmentStatements() {}

  /**
   * One statement: the shipment, its packages and its label task, each insert a part of one
   * data-modifying CTE, so they commit together without a transaction of their own.
   */
  static void insertWithLabelTask(Handle handle, ShipmentRow shipment, List<ParcelRow> parcels, Instant labelsDueAt) {
    Update insert = handle.createUpdate(insertSql(parcels.size()))
        .bind("shipmentId", shipment.shipmentId())
        .bind("orderId", shipment.orderId())
        .bind("shippingAddress", shipment.shippingAddress())
        .bind("addressStreetLines", shipment.addressStreetLines())
        .bind("addressCity", shipment.addressCity())
        .bind("addressStateOrProvince", shipment.addressStateOrProvince())
        .bind("addressPostalCode", shipment.addressPostalCode())
        .bind("addressCountry", shipment.addressCountry())
        .bind("shipmentStatus", shipment.shipmentStatus())
        .bind("carrierCode", shipment.carrierCode())
        .bind("serviceType", shipment.serviceType())
        .bind("failureReason", shipment.failureReason())
        .bind("createdAt", shipment.createdAt())
        .bind("updatedAt", shipment.updatedAt())
        .bind("version", shipment.version())
        .bind("labelKind", TaskKind.CREATE_LABELS.wireName())
        .bind("labelsDueAt", labelsDueAt);
    for (int i = 0; i < parcels.size(); i++) {
      ParcelRow parcel = parcels.get(i);
      insert.bind("p" + i + "Id", parcel.packageId())
          .bind("p" + i + "Dimensions", parcel.packageDimensions())
          .bind("p" + i + "Weight", parcel.packageWeight())
          .bind("p" + i + "WeightUnit", parcel.weightUnit())
          .bind("p" + i + "Status", parcel.packageStatus())
          .bind("p" + i + "TrackingNumber", parcel.trackingNumber())
          .bind("p" + i + "ServiceType", parcel.serviceType())
          .bind("p" + i + "CreatedAt", parcel.createdAt())
          .bind("p" + i + "UpdatedAt", parcel.updatedAt());
    }
    insert.execute();
  }

  static List<ShipmentParcelRow> findById(Handle handle, long shipmentId) {
    return handle.createQuery(ShipmentDao.SELECT_WITH_PACKAGES + "WHERE s.shipmentID = :shipmentId ORDER BY p.packageID")
        .bind("shipmentId", shipmentId).map(SHIPMENT_PARCEL_ROW).list();
  }

  private static String insertSql(int parcels) {
    if (parcels <= CACHED_PARCEL_COUNTS) {
      synchronized (INSERTS) {
        if (INSERTS[parcels] == null) {
          INSERTS[parcels] = buildInsertSql(parcels);
        }
        return INSERTS[parcels];
      }
    }
    return buildInsertSql(parcels);
  }

  private static String buildInsertSql(int parcels) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < parcels; i++) {
      values.append(i == 0 ? "" : ",\n        ").append("(:p%1$dId, :shipmentId, :p%1$dDimensions, :p%1$dWeight,"
          .formatted(i)).append(" :p%1$dWeightUnit, :p%1$dStatus, :p%1$dTrackingNumber, :p%1$dServiceType,"
          .formatted(i)).append(" :p%1$dCreatedAt, :p%1$dUpdatedAt)".formatted(i));
    }
    // Packages reference the shipment: PostgreSQL checks that at the end of the statement, when all are in.
    return """
        WITH shipment AS (
            INSERT INTO Shipments (shipmentID, orderID, shippingAddress, addressStreetLines, addressCity,
                addressStateOrProvince, addressPostalCode, addressCountry, shipmentStatus, carrierCode, serviceType,
                failureReason, createdAt, updatedAt, version)
            VALUES (:shipmentId, :orderId, :shippingAddress, :addressStreetLines, :addressCity,
                :addressStateOrProvince, :addressPostalCode, :addressCountry, :shipmentStatus, :carrierCode,
                :serviceType, :failureReason, :createdAt, :updatedAt, :version)),
        packages AS (
            INSERT INTO Packages (packageID, shipmentID, packageDimensions, packageWeight, weightUnit, packageStatus,
                trackingNumber, serviceType, createdAt, updatedAt)
            VALUES %s)
        INSERT INTO tasks (kind, subject_id, state, attempts, run_at, enqueued_at, awaiting_ack_since, updated_at)
        VALUES (:labelKind, :shipmentId, 'ready', 0, :labelsDueAt, :createdAt, :labelsDueAt, :createdAt)
        ON CONFLICT (kind, subject_id) WHERE state IN ('ready', 'running') DO NOTHING
        """.formatted(values);
  }

  private static ShipmentParcelRow shipmentParcelRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new ShipmentParcelRow(rs.getLong("shipmentid"), rs.getLong("orderid"), rs.getString("shippingaddress"),
        rs.getString("addressstreetlines"), rs.getString("addresscity"), rs.getString("addressstateorprovince"),
        rs.getString("addresspostalcode"), rs.getString("addresscountry"), rs.getString("shipmentstatus"),
        rs.getString("carriercode"), rs.getString("servicetype"), rs.getString("failurereason"),
        instant(rs, "createdat"), instant(rs, "updatedat"), rs.getLong("version"), rs.getLong("packageid"),
        rs.getString("packagedimensions"), rs.getBigDecimal("packageweight"), rs.getString("weightunit"),
        rs.getString("packagestatus"), rs.getString("trackingnumber"), rs.getString("packageservicetype"),
        instant(rs, "packagecreatedat"), instant(rs, "packageupdatedat"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}

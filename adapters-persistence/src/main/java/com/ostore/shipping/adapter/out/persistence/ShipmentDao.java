package com.ostore.shipping.adapter.out.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the Shipments, Packages and labels tables. Its row records are nested so Jdbi can reach them (nested types are public) while the
 * package-private interface keeps them out of the module's API.
 */
@RegisterConstructorMapper(ShipmentDao.ShipmentParcelRow.class)
@RegisterConstructorMapper(ShipmentDao.LabelRow.class)
interface ShipmentDao {
  // One statement reads a shipment with its packages, so it never mixes two versions of them.
  String SELECT_WITH_PACKAGES = """
      SELECT s.shipmentID, s.orderID, s.shippingAddress, s.addressStreetLines, s.addressCity,
             s.addressStateOrProvince, s.addressPostalCode, s.addressCountry, s.shipmentStatus, s.carrierCode,
             s.serviceType, s.failureReason, s.createdAt, s.updatedAt, s.version,
             s.recipientName, s.recipientCompany, s.recipientPhone, s.recipientEmail,
             p.packageID, p.packageDimensions, p.packageWeight, p.weightUnit, p.packageStatus, p.trackingNumber,
             p.serviceType AS packageServiceType, p.createdAt AS packageCreatedAt, p.updatedAt AS packageUpdatedAt
      FROM Shipments s JOIN Packages p ON p.shipmentID = s.shipmentID
      """;

  @SqlUpdate("""
      INSERT INTO Shipments (shipmentID, orderID, shippingAddress, addressStreetLines, addressCity,
          addressStateOrProvince, addressPostalCode, addressCountry, shipmentStatus, carrierCode, serviceType,
          failureReason, createdAt, updatedAt, version, recipientName, recipientCompany, recipientPhone,
          recipientEmail, rendered, rendered_format, rendered_version)
      VALUES (:shipmentId, :orderId, :shippingAddress, :addressStreetLines, :addressCity,
          :addressStateOrProvince, :addressPostalCode, :addressCountry, :shipmentStatus, :carrierCode, :serviceType,
          :failureReason, :createdAt, :updatedAt, :version, :recipientName, :recipientCompany, :recipientPhone,
          :recipientEmail, :rendered, :renderedFormat, :version)
      """)
  void insertShipment(@BindMethods ShipmentRow row);

  @SqlBatch("""
      INSERT INTO Packages (packageID, shipmentID, packageDimensions, packageWeight, weightUnit, packageStatus,
          trackingNumber, serviceType, createdAt, updatedAt)
      VALUES (:packageId, :shipmentId, :packageDimensions, :packageWeight, :weightUnit, :packageStatus,
          :trackingNumber, :serviceType, :createdAt, :updatedAt)
      """)
  void insertParcels(@BindMethods List<ParcelRow> rows);

  /** Returns 0 when the stored version is no longer {@code row.version()}. */
  @SqlUpdate("""
      UPDATE Shipments
      SET shipmentStatus = :shipmentStatus, carrierCode = :carrierCode, serviceType = :serviceType,
          failureReason = :failureReason, updatedAt = :updatedAt, version = version + 1,
          rendered = :rendered, rendered_format = :renderedFormat, rendered_version = :version + 1
      WHERE shipmentID = :shipmentId AND version = :version
      """)
  int updateShipment(@BindMethods ShipmentRow row);

  /** {@link #updateShipment} for several shipments, sent as one batch: one count per row. */
  @SqlBatch("""
      UPDATE Shipments
      SET shipmentStatus = :shipmentStatus, carrierCode = :carrierCode, serviceType = :serviceType,
          failureReason = :failureReason, updatedAt = :updatedAt, version = version + 1,
          rendered = :rendered, rendered_format = :renderedFormat, rendered_version = :version + 1
      WHERE shipmentID = :shipmentId AND version = :version
      """)
  int[] updateShipments(@BindMethods List<ShipmentRow> rows);

  /** {@link #updateParcel} for several packages, sent as one batch: one count per row. */
  @SqlBatch("""
      UPDATE Packages
      SET packageStatus = :packageStatus, trackingNumber = :trackingNumber, serviceType = :serviceType,
          updatedAt = :updatedAt
      WHERE packageID = :packageId AND shipmentID = :shipmentId
      """)
  int[] updateParcels(@BindMethods List<ParcelRow> rows);

  @SqlUpdate("""
      UPDATE Packages
      SET packageStatus = :packageStatus, trackingNumber = :trackingNumber, serviceType = :serviceType,
          updatedAt = :updatedAt
      WHERE packageID = :packageId AND shipmentID = :shipmentId
      """)
  int updateParcel(@BindMethods ParcelRow row);

  @SqlQuery(SELECT_WITH_PACKAGES
      + "WHERE s.shipmentID = (SELECT shipmentID FROM packages WHERE packageID = :packageId) ORDER BY p.packageID")
  List<ShipmentParcelRow> findByPackageId(long packageId);

  @SqlQuery(SELECT_WITH_PACKAGES + "WHERE s.orderID = :orderId ORDER BY s.createdAt, s.shipmentID, p.packageID")
  List<ShipmentParcelRow> findByOrderId(long orderId);

  @SqlQuery(SELECT_WITH_PACKAGES
      + "WHERE s.orderID IN (<orderIds>) ORDER BY s.orderID, s.createdAt, s.shipmentID, p.packageID")
  List<ShipmentParcelRow> findByOrderIds(@BindList("orderIds") Collection<Long> orderIds);

  @SqlQuery(SELECT_WITH_PACKAGES + "WHERE s.shipmentID IN (<shipmentIds>) ORDER BY s.shipmentID, p.packageID")
  List<ShipmentParcelRow> findByIds(@BindList("shipmentIds") Collection<Long> shipmentIds);

  // The page is chosen on Shipments alone: a LIMIT over the join would cut a shipment's packages apart.
  @SqlQuery(SELECT_WITH_PACKAGES + """
      WHERE s.shipmentID IN (SELECT shipmentID FROM Shipments WHERE orderID = :orderId AND shipmentID > :after
                             ORDER BY shipmentID LIMIT :limit)
      ORDER BY s.shipmentID, p.packageID
      """)
  List<ShipmentParcelRow> pageByOrderId(long orderId, long after, int limit);

  @SqlUpdate("""
      INSERT INTO labels (package_id, format, content, master_tracking_number)
      VALUES (:packageId, :format, :content, :master)
      ON CONFLICT (package_id) DO UPDATE SET format = EXCLUDED.format, content = EXCLUDED.content,
          master_tracking_number = EXCLUDED.master_tracking_number, saved_at = now()
      """)
  void saveLabel(long packageId, String format, byte[] content, String master);

  @SqlQuery("""
      SELECT l.package_id, l.master_tracking_number FROM labels l JOIN Packages p ON p.packageID = l.package_id
      WHERE p.shipmentID = :shipmentId AND l.master_tracking_number IS NOT NULL
      """)
  @RegisterConstructorMapper(MasterRow.class)
  List<MasterRow> findMasters(long shipmentId);

  // A key stored by another attempt first wins: the caller reads back whichever key is stored.
  @SqlUpdate("""
      INSERT INTO label_purchase_keys (package_id, idempotency_key, mailing_date)
      VALUES (:packageId, :key, :mailingDate)
      ON CONFLICT (package_id) DO NOTHING
      """)
  void insertPurchaseKeyIfAbsent(long packageId, UUID key, LocalDate mailingDate);

  @SqlUpdate("""
      INSERT INTO label_purchase_keys (package_id, idempotency_key, mailing_date)
      VALUES (:packageId, :key, :mailingDate)
      ON CONFLICT (package_id) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key,
          mailing_date = EXCLUDED.mailing_date, stored_at = now()
      """)
  void upsertPurchaseKey(long packageId, UUID key, LocalDate mailingDate);

  @SqlQuery("SELECT idempotency_key, mailing_date FROM label_purchase_keys WHERE package_id = :packageId")
  @RegisterConstructorMapper(PurchaseKeyRow.class)
  Optional<PurchaseKeyRow> findPurchaseKey(long packageId);

  @SqlQuery("SELECT format, content FROM labels WHERE package_id = :packageId")
  Optional<LabelRow> findLabel(long packageId);

  /** A Shipments row as written; enums are their wire names. */
  record ShipmentRow(
      long shipmentId,
      long orderId,
      String shippingAddress,
      String addressStreetLines,
      String addressCity,
      String addressStateOrProvince,
      String addressPostalCode,
      String addressCountry,
      String shipmentStatus,
      String carrierCode,
      String serviceType,
      String failureReason,
      Instant createdAt,
      Instant updatedAt,
      long version,
      String recipientName,
      String recipientCompany,
      String recipientPhone,
      String recipientEmail,
      String rendered,
      String renderedFormat) {}

  /** A Packages row as written; enums are their wire names. */
  record ParcelRow(
      long packageId,
      long shipmentId,
      String packageDimensions,
      BigDecimal packageWeight,
      String weightUnit,
      String packageStatus,
      String trackingNumber,
      String serviceType,
      Instant createdAt,
      Instant updatedAt) {}

  /** One row of the Shipments-Packages join: a shipment's columns repeated for each of its packages. */
  record ShipmentParcelRow(
      long shipmentId,
      long orderId,
      String shippingAddress,
      String addressStreetLines,
      String addressCity,
      String addressStateOrProvince,
      String addressPostalCode,
      String addressCountry,
      String shipmentStatus,
      String carrierCode,
      String serviceType,
      String failureReason,
      Instant createdAt,
      Instant updatedAt,
      long version,
      String recipientName,
      String recipientCompany,
      String recipientPhone,
      String recipientEmail,
      long packageId,
      String packageDimensions,
      BigDecimal packageWeight,
      String weightUnit,
      String packageStatus,
      String trackingNumber,
      String packageServiceType,
      Instant packageCreatedAt,
      Instant packageUpdatedAt) {}

  /** A labels row: the format's lower-case name and the image bytes. */
  record LabelRow(String format, byte[] content) {}

  /** The master tracking number stored with a package's label. */
  record MasterRow(long packageId, String masterTrackingNumber) {}

  /** A package's stored purchase key. */
  record PurchaseKeyRow(UUID idempotencyKey, LocalDate mailingDate) {}
}

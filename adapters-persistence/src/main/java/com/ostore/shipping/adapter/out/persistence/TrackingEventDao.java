package com.ostore.shipping.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL for the TrackingEvents table. Its row records are nested so Jdbi can reach them (nested types are public) while the
 * package-private interface keeps them out of the module's API.
 */
@RegisterConstructorMapper(TrackingEventDao.TrackingEventRow.class)
@RegisterConstructorMapper(TrackingEventDao.InsertedScan.class)
interface TrackingEventDao {

  /** The new event's id, or empty when the same scan was stored before. */
  @SqlQuery("""
      INSERT INTO TrackingEvents (packageID, eventType, eventTimestamp, eventUtcOffset, scanKey, location, rawCode,
          description, details)
      VALUES (:packageId, :eventType, :eventTimestamp, :eventUtcOffset, :scanKey, :location, :rawCode, :description,
          CAST(:details AS jsonb))
      ON CONFLICT (packageID, rawCode, scanKey) DO NOTHING
      RETURNING trackingEventID
      """)
  Optional<Long> insertIfNew(@BindMethods TrackingEventRow row);

  /**
   * {@link #insertIfNew} for many rows in one statement: the rows that were new, each with its scan's
   * identity (RETURNING has no order of its own). A scan given twice is stored once. The driver sends the
   * time untyped, which a VALUES list reads as text: hence the cast back.
   */
  @SqlQuery("""
      INSERT INTO TrackingEvents (packageID, eventType, eventTimestamp, eventUtcOffset, scanKey, location, rawCode,
          description, details)
      SELECT v.packageId, v.eventType, CAST(v.eventTimestamp AS timestamptz), v.eventUtcOffset, v.scanKey, v.location,
          v.rawCode, v.description, CAST(v.details AS jsonb)
      FROM (VALUES <rows>) AS v(packageId, eventType, eventTimestamp, eventUtcOffset, scanKey, location, rawCode,
          description, details)
      ON CONFLICT (packageID, rawCode, scanKey) DO NOTHING
      RETURNING trackingEventID, packageID, rawCode, scanKey
      """)
  List<InsertedScan> insertAllIfNew(@BindMethodsList(value = "rows", methodNames = {"packageId", "eventType",
      "eventTimestamp", "eventUtcOffset", "scanKey", "location", "rawCode", "description", "details"})
      List<TrackingEventRow> rows);

  /** A row {@link #insertAllIfNew} stored: its new id and the scan's identity. */
  record InsertedScan(long trackingEventId, long packageId, String rawCode, String scanKey) {}

  @SqlQuery("""
      SELECT trackingEventID, packageID, eventType, eventTimestamp, eventUtcOffset, scanKey, location, rawCode,
             description, details::text AS details
      FROM TrackingEvents WHERE packageID = :packageId ORDER BY eventTimestamp, trackingEventID
      """)
  List<TrackingEventRow> findByPackage(long packageId);

  @SqlQuery("""
      SELECT trackingEventID, packageID, eventType, eventTimestamp, eventUtcOffset, scanKey, location, rawCode,
             description, details::text AS details
      FROM TrackingEvents
      WHERE packageID = :packageId AND (eventTimestamp, trackingEventID) > (:afterTimestamp, :afterId)
      ORDER BY eventTimestamp, trackingEventID
      LIMIT :limit
      """)
  List<TrackingEventRow> pageByPackage(long packageId, Instant afterTimestamp, long afterId, int limit);

  /**
   * A TrackingEvents row: the instant plus the carrier's UTC offset, the scan's identity (the time as
   * the carrier stated it), details as JSON text.
   */
  record TrackingEventRow(
      Long trackingEventId,
      long packageId,
      String eventType,
      Instant eventTimestamp,
      String eventUtcOffset,
      String scanKey,
      String location,
      String rawCode,
      String description,
      String details) {}
}

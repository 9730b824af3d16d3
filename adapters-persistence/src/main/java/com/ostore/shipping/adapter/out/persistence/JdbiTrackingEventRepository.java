package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.TrackingEventDao.InsertedScan;
import com.ostore.shipping.adapter.out.persistence.TrackingEventDao.TrackingEventRow;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.TrackingEventRepository.Position;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Tracking history in PostgreSQL; a scan seen twice is stored once, recognised by the time its carrier
 * stated (never by an offset that had to be guessed).
 */
final class JdbiTrackingEventRepository implements TrackingEventRepository {
  private static final String INSTANT = "I";
  private static final String LOCAL_TIME = "L";
  private static final DateTimeFormatter SCAN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  /** Nine parameters a row: far below PostgreSQL's 65,535 a statement. */
  private static final int ROWS_PER_STATEMENT = 1_000;

  private final Jdbi jdbi;

  JdbiTrackingEventRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<TrackingEvent> addNew(List<TrackingEvent> events) {
    if (events.size() == 1) {
      TrackingEvent event = events.get(0);
      return jdbi.withExtension(TrackingEventDao.class, dao -> dao.insertIfNew(toRow(event)))
          .map(id -> List.of(event.stored(TrackingEventId.of(id)))).orElse(List.of());
    }
    // Joins the caller's transaction, if any: all of them or none.
    return jdbi.inTransaction(handle -> {
      List<TrackingEvent> stored = new ArrayList<>();
      for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
        stored.addAll(addNewInOneStatement(events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT))));
      }
      return stored;
    });
  }

  /** One round trip for all of them; the first of several equal scans gets the id, as one by one it would. */
  private List<TrackingEvent> addNewInOneStatement(List<TrackingEvent> events) {
    List<TrackingEventRow> rows = events.stream().map(JdbiTrackingEventRepository::toRow).toList();
    Map<ScanIdentity, Long> ids = new HashMap<>();
    jdbi.withExtension(TrackingEventDao.class, dao -> dao.insertAllIfNew(rows))
        .forEach(row -> ids.put(new ScanIdentity(row.packageId(), row.rawCode(), row.scanKey()), row.trackingEventId()));
    List<TrackingEvent> stored = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      TrackingEventRow row = rows.get(i);
      Long id = ids.remove(new ScanIdentity(row.packageId(), row.rawCode(), row.scanKey()));
      if (id != null) {
        stored.add(events.get(i).stored(TrackingEventId.of(id)));
      }
    }
    return stored;
  }

  /** What the table's unique constraint calls the same scan. */
  private record ScanIdentity(long packageId, String rawCode, String scanKey) {}

  @Override
  public List<TrackingEvent> findByParcel(ParcelId parcelId) {
    return jdbi.withExtension(TrackingEventDao.class, dao -> dao.findByPackage(parcelId.value())).stream()
        .map(JdbiTrackingEventRepository::toEvent)
        .toList();
  }

  @Override
  public List<TrackingEvent> findByParcel(ParcelId parcelId, Optional<Position> after, int limit) {
    // Before any stored event: the first day of year 1 and id 0, which no row has.
    Instant afterTime = after.map(Position::occurredAt).orElse(Instant.parse("0001-01-01T00:00:00Z"));
    long afterId = after.map(p -> p.id().value()).orElse(0L);
    return jdbi.withExtension(TrackingEventDao.class,
            dao -> dao.pageByPackage(parcelId.value(), afterTime, afterId, limit)).stream()
        .map(JdbiTrackingEventRepository::toEvent)
        .toList();
  }

  private static TrackingEventRow toRow(TrackingEvent e) {
    return new TrackingEventRow(null, e.parcelId().value(), e.type().wireName(), e.occurredAt().toInstant(),
        offsetText(e.occurredAt().getOffset()), scanKey(e), e.location(), e.rawCode(), e.description(),
        JsonCodec.write(e.details()));
  }

  private static TrackingEvent toEvent(TrackingEventRow row) {
    OffsetDateTime occurredAt = OffsetDateTime.ofInstant(row.eventTimestamp(), ZoneOffset.of(row.eventUtcOffset()));
    TimeStated stated = row.scanKey().startsWith(LOCAL_TIME) ? TimeStated.LOCAL_TIME : TimeStated.INSTANT;
    return new TrackingEvent(TrackingEventId.of(row.trackingEventId()), ParcelId.of(row.packageId()),
        TrackingEventType.fromWireName(row.eventType()), occurredAt, row.location(), row.rawCode(),
        row.description(), JsonCodec.readStringMap(row.details()), stated);
  }

  /**
   * The scan's identity, written as migration V21 writes it for older rows: the UTC instant, or the
   * local clock time when that is all the carrier stated (to the microsecond PostgreSQL keeps).
   */
  static String scanKey(TrackingEvent event) {
    OffsetDateTime at = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
    return event.stated() == TimeStated.LOCAL_TIME
        ? LOCAL_TIME + SCAN_TIME.format(at.toLocalDateTime())
        : INSTANT + SCAN_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z";
  }

  // ZoneOffset writes UTC as "Z"; the column always holds a signed "+hh:mm".
  private static String offsetText(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }
}

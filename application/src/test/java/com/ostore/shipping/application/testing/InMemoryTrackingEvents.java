package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.TrackingEventRepository.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tracking histories in a list; a scan (package, raw code, stated time) is kept once, as the port says. */
public final class InMemoryTrackingEvents implements TrackingEventRepository {
  private final List<TrackingEvent> stored = new ArrayList<>();
  private final Set<ScanKey> seen = new HashSet<>();
  private long nextId = 1;

  /** The stated time: the instant, or the local clock time when only that was stated. */
  private record ScanKey(ParcelId parcelId, String rawCode, Object statedTime) {
    static ScanKey of(TrackingEvent event) {
      Object time = event.stated() == TimeStated.LOCAL_TIME
          ? event.occurredAt().toLocalDateTime() : event.occurredAt().toInstant();
      return new ScanKey(event.parcelId(), event.rawCode(), time);
    }
  }

  @Override
  public synchronized List<TrackingEvent> addNew(List<TrackingEvent> events) {
    List<TrackingEvent> added = new ArrayList<>();
    for (TrackingEvent event : events) {
      if (seen.add(ScanKey.of(event))) {
        TrackingEvent withId = event.stored(TrackingEventId.of(nextId++));
        stored.add(withId);
        added.add(withId);
      }
    }
    return added;
  }

  @Override
  public synchronized List<TrackingEvent> findByParcel(ParcelId parcelId) {
    return stored.stream()
        .filter(e -> e.parcelId().equals(parcelId))
        .sorted(Comparator.comparing((TrackingEvent e) -> e.occurredAt().toInstant())
            .thenComparing(e -> e.id().value()))
        .toList();
  }

  @Override
  public synchronized List<TrackingEvent> findByParcel(ParcelId parcelId, Optional<Position> after, int limit) {
    return findByParcel(parcelId).stream()
        .filter(e -> after.isEmpty() || isAfter(e, after.get()))
        .limit(limit)
        .toList();
  }

  private static boolean isAfter(TrackingEvent event, Position position) {
    int byTime = event.occurredAt().toInstant().compareTo(position.occurredAt());
    return byTime > 0 || (byTime == 0 && event.id().value() > position.id().value());
  }

  /** Every stored event, in the order stored. */
  public synchronized List<TrackingEvent> all() {
    return List.copyOf(stored);
  }
}

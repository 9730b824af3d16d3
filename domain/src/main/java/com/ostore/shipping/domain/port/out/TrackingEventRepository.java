package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Stores each package's tracking history. */
public interface TrackingEventRepository {

  /**
   * Stores the events not stored before and returns just those, with their ids, in the order given.
   * The same scan (same package, raw code and time as the carrier stated it: the instant, or only the
   * local clock time when the offset had to be guessed) is kept once, however its offset was guessed.
   */
  List<TrackingEvent> addNew(List<TrackingEvent> events);

  /** A package's history, oldest first. */
  List<TrackingEvent> findByParcel(ParcelId parcelId);

  /**
   * One page of a package's history, oldest first (by time, then id): at most {@code limit} events
   * that come after {@code after}.
   */
  List<TrackingEvent> findByParcel(ParcelId parcelId, Optional<Position> after, int limit);

  /** Where a page of history ended: the last event's time and id. */
  record Position(Instant occurredAt, TrackingEventId id) {
    public Position {
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(id, "id");
    }
  }
}

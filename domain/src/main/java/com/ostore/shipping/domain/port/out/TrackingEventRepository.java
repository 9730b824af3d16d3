package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.util.List;

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
}

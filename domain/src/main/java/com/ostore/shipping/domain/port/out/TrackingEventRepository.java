package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.util.List;

/** Stores each package's tracking history. */
public interface TrackingEventRepository {

  /**
   * Stores the events not stored before (the same scan, i.e. same package, raw code and timestamp,
   * is kept once) and returns just those, with their ids, in the order given.
   */
  List<TrackingEvent> addNew(List<TrackingEvent> events);

  /** A package's history, oldest first. */
  List<TrackingEvent> findByParcel(ParcelId parcelId);
}

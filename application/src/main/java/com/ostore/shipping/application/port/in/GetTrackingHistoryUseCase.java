package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;

/** Reads a package's tracking history, oldest first, a page at a time. */
public interface GetTrackingHistoryUseCase {
  /**
   * @throws ShipmentNotFoundException when there is no such package
   * @throws com.ostore.shipping.domain.model.ValidationException for a cursor this list did not issue
   */
  Page<TrackingEvent> trackingHistory(ParcelId parcelId, PageRequest page);
}

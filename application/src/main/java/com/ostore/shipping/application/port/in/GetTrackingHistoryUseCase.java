package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.util.List;

/** Reads a package's tracking history, oldest first. */
public interface GetTrackingHistoryUseCase {
  /** @throws ShipmentNotFoundException when there is no such package */
  List<TrackingEvent> trackingHistory(ParcelId parcelId);
}

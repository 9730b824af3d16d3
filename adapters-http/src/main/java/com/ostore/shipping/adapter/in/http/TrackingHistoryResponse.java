package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.util.List;

/** A package's tracking history, oldest first. */
record TrackingHistoryResponse(
    @JsonProperty("packageID") long packageId, @JsonProperty("events") List<TrackingEventResponse> events) {

  static TrackingHistoryResponse from(ParcelId parcelId, List<TrackingEvent> events) {
    return new TrackingHistoryResponse(parcelId.value(), events.stream().map(TrackingEventResponse::from).toList());
  }
}

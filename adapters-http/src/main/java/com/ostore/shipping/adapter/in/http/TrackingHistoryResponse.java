package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.application.port.in.Page;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.util.List;

/** A page of a package's tracking history, oldest first; {@code nextCursor} is null on the last page. */
record TrackingHistoryResponse(
    @JsonProperty("packageID") long packageId,
    @JsonProperty("events") List<TrackingEventResponse> events,
    @JsonProperty("nextCursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

  static TrackingHistoryResponse from(ParcelId parcelId, Page<TrackingEvent> page) {
    return new TrackingHistoryResponse(parcelId.value(), page.items().stream().map(TrackingEventResponse::from).toList(),
        page.nextCursor().orElse(null));
  }
}

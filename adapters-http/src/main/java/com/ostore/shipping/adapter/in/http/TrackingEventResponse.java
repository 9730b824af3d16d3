package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** One tracking event; the timestamp keeps the carrier's own UTC offset. */
record TrackingEventResponse(
    @JsonProperty("trackingEventID") Long trackingEventId,
    @JsonProperty("packageID") long packageId,
    @JsonProperty("eventType") String eventType,
    @JsonProperty("eventTimestamp") String eventTimestamp,
    @JsonProperty("location") String location,
    @JsonProperty("rawCode") String rawCode,
    @JsonProperty("description") String description,
    @JsonProperty("details") Map<String, String> details) {

  static TrackingEventResponse from(TrackingEvent event) {
    return new TrackingEventResponse(
        event.idIfStored().map(TrackingEventId::value).orElse(null),
        event.parcelId().value(),
        event.type().wireName(),
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()),
        event.location(),
        event.rawCode(),
        event.description(),
        event.details());
  }
}

package com.ostore.shipping.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.ParcelId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON value of a shipment event on the topic, version 1; the contract is
 * {@code schemas/shipment-event-v1.schema.json} and {@code docs/events.md}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"eventId", "schemaVersion", "eventType", "eventTimestamp", "shipmentID", "orderID", "packageID",
    "trackingNumber", "carrier", "shipmentStatus", "location", "details", "recordedAt"})
record ShipmentEventMessage(
    @JsonProperty("eventId") String eventId,
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("eventType") String eventType,
    @JsonProperty("eventTimestamp") String eventTimestamp,
    @JsonProperty("shipmentID") long shipmentId,
    @JsonProperty("orderID") long orderId,
    @JsonProperty("packageID") Long packageId,
    @JsonProperty("trackingNumber") String trackingNumber,
    @JsonProperty("carrier") String carrier,
    @JsonProperty("shipmentStatus") String shipmentStatus,
    @JsonProperty("location") String location,
    @JsonProperty("details") Map<String, String> details,
    @JsonProperty("recordedAt") String recordedAt) {

  static final String RAW_CODE = "rawCode";
  static final String RAW_DESCRIPTION = "rawDescription";

  static ShipmentEventMessage from(ShipmentEvent event) {
    return new ShipmentEventMessage(
        event.eventId().toString(),
        ShipmentEvent.SCHEMA_VERSION,
        event.eventType(),
        // Keeps the carrier's own offset: a 09:00 scan in New York stays 09:00-05:00.
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.eventTimestamp()),
        event.shipmentId().value(),
        event.orderId().value(),
        event.parcelIdIfAny().map(ParcelId::value).orElse(null),
        event.trackingNumber() == null ? null : event.trackingNumber().value(),
        event.carrier().wireName(),
        event.shipmentStatus().wireName(),
        event.location(),
        detailsOf(event.details()),
        event.recordedAt().toString());
  }

  /** rawCode and rawDescription always present (null when the carrier gave none), then the rest sorted. */
  private static Map<String, String> detailsOf(Map<String, String> details) {
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put(RAW_CODE, details.get(RAW_CODE));
    ordered.put(RAW_DESCRIPTION, details.get(RAW_DESCRIPTION));
    ordered.putAll(new TreeMap<>(details));
    return ordered;
  }
}

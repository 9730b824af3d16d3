package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox's JSON form of a {@link ShipmentEvent}: every field, times as ISO-8601 text so the event
 * timestamp keeps its UTC offset and nanoseconds. Only this module reads it back.
 */
record ShipmentEventPayload(
    int schemaVersion,
    String eventId,
    String eventType,
    String eventTimestamp,
    long shipmentId,
    long orderId,
    Long parcelId,
    String trackingNumber,
    String carrier,
    String shipmentStatus,
    String location,
    Map<String, String> details,
    String recordedAt) {

  static ShipmentEventPayload from(ShipmentEvent e) {
    return new ShipmentEventPayload(ShipmentEvent.SCHEMA_VERSION, e.eventId().toString(), e.eventType(),
        e.eventTimestamp().toString(), e.shipmentId().value(), e.orderId().value(),
        e.parcelId() == null ? null : e.parcelId().value(),
        e.trackingNumber() == null ? null : e.trackingNumber().value(), e.carrier().wireName(),
        e.shipmentStatus().wireName(), e.location(), e.details(), e.recordedAt().toString());
  }

  ShipmentEvent toEvent() {
    return new ShipmentEvent(UUID.fromString(eventId), eventType, OffsetDateTime.parse(eventTimestamp),
        ShipmentId.of(shipmentId), OrderId.of(orderId), parcelId == null ? null : ParcelId.of(parcelId),
        trackingNumber == null ? null : TrackingNumber.of(trackingNumber), CarrierCode.fromWireName(carrier),
        ShipmentStatus.fromWireName(shipmentStatus), location, details, Instant.parse(recordedAt));
  }
}

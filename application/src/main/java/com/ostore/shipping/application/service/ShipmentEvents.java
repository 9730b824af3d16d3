package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the events the outbox carries to the rest of the store. */
final class ShipmentEvents {
  /** The raw code of the label_created scan the service records itself when it buys a label. */
  static final String LABEL_CODE = "OSTORE_LABEL";

  private ShipmentEvents() {}

  static String labelDescription(Shipment shipment, Parcel parcel) {
    return "Label created with " + shipment.carrier().wireName() + " (" + parcel.serviceType() + ")";
  }

  /** One {@code label_created} per package of a shipment whose labels were just bought. */
  static List<ShipmentEvent> labelsCreated(Shipment shipment, Instant now) {
    return shipment.parcels().stream()
        .map(parcel -> packageEvent(shipment, parcel, "label_created", now.atOffset(ZoneOffset.UTC), null,
            Map.of("serviceType", String.valueOf(parcel.serviceType()), "rawCode", LABEL_CODE, "rawDescription",
                labelDescription(shipment, parcel)), now))
        .toList();
  }

  /** A shipment-level event ({@code failed}, {@code cancelled}) with an optional reason. */
  static ShipmentEvent shipmentChanged(Shipment shipment, String eventType, String reason, Instant now) {
    Map<String, String> details = reason == null ? Map.of() : Map.of("reason", reason);
    return new ShipmentEvent(UUID.randomUUID(), eventType, now.atOffset(ZoneOffset.UTC), shipment.id(),
        shipment.orderId(), null, null, shipment.carrier(), shipment.status(), null, details, now);
  }

  /** A package event from a carrier scan, carrying the carrier's raw code and words. */
  static ShipmentEvent tracked(Shipment shipment, Parcel parcel, TrackingEvent event, Instant now) {
    Map<String, String> details = new HashMap<>(event.details());
    details.put("rawCode", event.rawCode());
    if (event.description() != null) {
      details.put("rawDescription", event.description());
    }
    return packageEvent(shipment, parcel, event.type().wireName(), event.occurredAt(), event.location(), details, now);
  }

  private static ShipmentEvent packageEvent(
      Shipment shipment, Parcel parcel, String type, OffsetDateTime at, String location, Map<String, String> details,
      Instant now) {
    return new ShipmentEvent(UUID.randomUUID(), type, at, shipment.id(), shipment.orderId(), parcel.id(),
        parcel.trackingNumber(), shipment.carrier(), shipment.status(), location, details, now);
  }
}

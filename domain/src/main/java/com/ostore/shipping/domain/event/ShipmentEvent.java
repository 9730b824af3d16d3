package com.ostore.shipping.domain.event;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A change the rest of the store hears about (Order Management notifies the customer). Written to
 * the outbox in the same transaction as the change, then published; {@code eventId} stays the same
 * on every redelivery so consumers can drop duplicates. Package fields are null for shipment-level
 * events ({@code failed}).
 */
public record ShipmentEvent(
    UUID eventId,
    String eventType,
    OffsetDateTime eventTimestamp,
    ShipmentId shipmentId,
    OrderId orderId,
    ParcelId parcelId,
    TrackingNumber trackingNumber,
    CarrierCode carrier,
    ShipmentStatus shipmentStatus,
    String location,
    Map<String, String> details,
    Instant recordedAt) {

  public static final int SCHEMA_VERSION = 1;

  public ShipmentEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(eventTimestamp, "eventTimestamp");
    Objects.requireNonNull(shipmentId, "shipmentId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(shipmentStatus, "shipmentStatus");
    Objects.requireNonNull(recordedAt, "recordedAt");
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** Events of one order share a key, so they arrive in order. */
  public String key() {
    return Long.toString(orderId.value());
  }

  public Optional<ParcelId> parcelIdIfAny() {
    return Optional.ofNullable(parcelId);
  }
}

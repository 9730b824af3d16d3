package com.ostore.shipping.adapter.out.kafka;

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

/** Shipment events for tests: a package scan by default, a shipment-level failure on request. */
final class TestEvents {
  static final OffsetDateTime NEW_YORK_MORNING = OffsetDateTime.parse("2026-01-06T09:15:00-05:00");
  static final Instant RECORDED = Instant.parse("2026-01-06T14:20:01.123Z");

  private TestEvents() {}

  static ShipmentEvent inTransit(long orderId) {
    return packageEvent(orderId, "in_transit", ShipmentStatus.IN_TRANSIT);
  }

  static ShipmentEvent packageEvent(long orderId, String type, ShipmentStatus status) {
    long shipmentId = 1000 + orderId;
    return new ShipmentEvent(UUID.randomUUID(), type, NEW_YORK_MORNING, ShipmentId.of(shipmentId), OrderId.of(orderId),
        ParcelId.of(shipmentId * 100 + 1), TrackingNumber.of("7946985" + (10000 + orderId)), CarrierCode.FEDEX, status,
        "MEMPHIS, TN, US", Map.of("rawCode", "IT", "rawDescription", "In transit", "scanLocationCode", "MEMH"),
        RECORDED);
  }

  static ShipmentEvent shipmentFailed(long orderId) {
    return new ShipmentEvent(UUID.randomUUID(), "failed", OffsetDateTime.parse("2026-01-05T09:00:00Z"),
        ShipmentId.of(1000 + orderId), OrderId.of(orderId), null, null, CarrierCode.USPS, ShipmentStatus.FAILED, null,
        Map.of("reason", "address rejected by the carrier"), RECORDED);
  }
}

package com.ostore.shipping.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The one status taxonomy every carrier's scan codes are normalized into. {@link #UNKNOWN} is a code
 * we have not mapped yet: recorded, but it moves no status.
 */
public enum TrackingEventType {
  LABEL_CREATED(ShipmentStatus.LABEL_CREATED),
  PICKED_UP(ShipmentStatus.SHIPPED),
  IN_TRANSIT(ShipmentStatus.IN_TRANSIT),
  OUT_FOR_DELIVERY(ShipmentStatus.OUT_FOR_DELIVERY),
  AVAILABLE_FOR_PICKUP(ShipmentStatus.AVAILABLE_FOR_PICKUP),
  DELIVERY_ATTEMPTED(ShipmentStatus.DELIVERY_ATTEMPTED),
  DELIVERED(ShipmentStatus.DELIVERED),
  EXCEPTION(ShipmentStatus.EXCEPTION),
  RETURNED(ShipmentStatus.RETURNED),
  CANCELLED(ShipmentStatus.CANCELLED),
  UNKNOWN(null);

  private final ShipmentStatus status;

  TrackingEventType(ShipmentStatus status) {
    this.status = status;
  }

  /** The package status this event puts the package in, if it moves it at all. */
  public Optional<ShipmentStatus> packageStatus() {
    return Optional.ofNullable(status);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TrackingEventType fromWireName(String name) {
    for (TrackingEventType type : values()) {
      if (type.wireName().equals(name)) {
        return type;
      }
    }
    throw new ValidationException("unknown tracking event type '" + name + "'");
  }
}

package com.ostore.shipping.domain.model;

/** Identifies one recorded tracking event; the seed's {@code trackingEventID}. */
public record TrackingEventId(long value) {
  public TrackingEventId {
    if (value < 1) {
      throw new ValidationException("trackingEventID must be a positive integer");
    }
  }

  public static TrackingEventId of(long value) {
    return new TrackingEventId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

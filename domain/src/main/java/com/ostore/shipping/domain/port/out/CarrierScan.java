package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.model.TrackingEventType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One scan as a carrier reported it, already normalized to a {@link TrackingEventType} but with the
 * carrier's own code and words kept. {@code occurredAt} carries the offset the carrier gave;
 * {@code stated} says whether the carrier gave the instant or only its local time (the offset guessed).
 */
public record CarrierScan(
    TrackingEventType type,
    OffsetDateTime occurredAt,
    String location,
    String rawCode,
    String description,
    Map<String, String> details,
    TimeStated stated) {

  public CarrierScan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(stated, "stated");
    rawCode = rawCode == null ? "" : rawCode;
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** A scan whose instant the carrier stated. */
  public CarrierScan(
      TrackingEventType type, OffsetDateTime occurredAt, String location, String rawCode, String description,
      Map<String, String> details) {
    this(type, occurredAt, location, rawCode, description, details, TimeStated.INSTANT);
  }
}

package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.TrackingEventType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One scan as a carrier reported it, already normalized to a {@link TrackingEventType} but with the
 * carrier's own code and words kept. {@code occurredAt} carries the offset the carrier gave.
 */
public record CarrierScan(
    TrackingEventType type,
    OffsetDateTime occurredAt,
    String location,
    String rawCode,
    String description,
    Map<String, String> details) {

  public CarrierScan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    rawCode = rawCode == null ? "" : rawCode;
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}

package com.ostore.shipping.domain.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a carrier saw happen to a package. {@code occurredAt} keeps the carrier's own UTC offset
 * (never a local time relabelled as UTC); {@code rawCode} and {@code description} are the carrier's
 * words, kept next to the normalized {@code type}; {@code stated} says whether the carrier gave the
 * instant or only its local time. The id is null until the event is stored.
 */
public record TrackingEvent(
    TrackingEventId id,
    ParcelId parcelId,
    TrackingEventType type,
    OffsetDateTime occurredAt,
    String location,
    String rawCode,
    String description,
    Map<String, String> details,
    TimeStated stated) {

  public TrackingEvent {
    Objects.requireNonNull(parcelId, "parcelId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(stated, "stated");
    rawCode = rawCode == null ? "" : rawCode;
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** An event whose instant the carrier stated. */
  public TrackingEvent(
      TrackingEventId id, ParcelId parcelId, TrackingEventType type, OffsetDateTime occurredAt, String location,
      String rawCode, String description, Map<String, String> details) {
    this(id, parcelId, type, occurredAt, location, rawCode, description, details, TimeStated.INSTANT);
  }

  /** A scan just read from a carrier with its instant stated, not yet stored. */
  public static TrackingEvent observed(
      ParcelId parcelId, TrackingEventType type, OffsetDateTime occurredAt, String location, String rawCode,
      String description, Map<String, String> details) {
    return observed(parcelId, type, occurredAt, location, rawCode, description, details, TimeStated.INSTANT);
  }

  /** A scan just read from a carrier, not yet stored. */
  public static TrackingEvent observed(
      ParcelId parcelId, TrackingEventType type, OffsetDateTime occurredAt, String location, String rawCode,
      String description, Map<String, String> details, TimeStated stated) {
    return new TrackingEvent(null, parcelId, type, occurredAt, location, rawCode, description, details, stated);
  }

  public Optional<TrackingEventId> idIfStored() {
    return Optional.ofNullable(id);
  }

  public TrackingEvent stored(TrackingEventId newId) {
    return new TrackingEvent(newId, parcelId, type, occurredAt, location, rawCode, description, details, stated);
  }
}

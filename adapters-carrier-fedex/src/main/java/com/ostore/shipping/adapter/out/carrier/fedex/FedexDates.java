package com.ostore.shipping.adapter.out.carrier.fedex;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** FedEx scan timestamps: ISO-8601 with an offset, though real data sometimes has none. */
final class FedexDates {
  private FedexDates() {}

  /** The timestamp with the offset FedEx gave, or empty when it gave none (or nothing parseable). */
  static Optional<OffsetDateTime> withOffset(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()));
    } catch (DateTimeParseException noOffset) {
      return Optional.empty();
    }
  }

  /** A timestamp without offset, read in the offset of a neighbouring scan (the same local clock). */
  static Optional<OffsetDateTime> assumingOffset(String text, ZoneOffset offset) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip()).atOffset(offset));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}

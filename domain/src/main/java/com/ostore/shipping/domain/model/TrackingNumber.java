package com.ostore.shipping.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A carrier's tracking number; only the carrier-agnostic shape is checked here. */
public record TrackingNumber(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{4,40}");

  public TrackingNumber {
    if (value == null) {
      throw new ValidationException("tracking number is required");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(value).matches()) {
      throw new ValidationException("tracking number must be 4 to 40 letters or digits");
    }
  }

  public static TrackingNumber of(String value) {
    return new TrackingNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

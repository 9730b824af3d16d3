package com.ostore.shipping.domain.model;

import java.util.Locale;

/** Units package dimensions may be given in. */
public enum LengthUnit {
  IN,
  CM;

  /** Made once: it is written into every answer and compared on every row read. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static LengthUnit fromWireName(String name) {
    for (LengthUnit unit : values()) {
      if (unit.wireName().equalsIgnoreCase(name)) {
        return unit;
      }
    }
    throw new ValidationException("dimension unit must be one of in, cm");
  }
}

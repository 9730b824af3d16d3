package com.ostore.shipping.domain.model;

import java.util.Locale;

/** Units package dimensions may be given in. */
public enum LengthUnit {
  IN,
  CM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
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

package com.ostore.shipping.domain.model;

import java.util.Locale;

/** Units a package weight may be given in. */
public enum WeightUnit {
  LB,
  KG;

  /** Made once: it is written into every answer and compared on every row read. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static WeightUnit fromWireName(String name) {
    for (WeightUnit unit : values()) {
      if (unit.wireName().equalsIgnoreCase(name)) {
        return unit;
      }
    }
    throw new ValidationException("weight unit must be one of lb, kg");
  }
}

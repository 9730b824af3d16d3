package com.ostore.shipping.domain.model;

import java.util.Locale;

/** Units a package weight may be given in. */
public enum WeightUnit {
  LB,
  KG;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
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

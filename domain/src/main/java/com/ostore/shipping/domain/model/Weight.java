package com.ostore.shipping.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A package weight with at most two decimals, as the seed's DECIMAL(10, 2) column stores it; a finer one
 * is refused, never rounded.
 */
public record Weight(BigDecimal value, WeightUnit unit) {
  /** Heavier than any parcel FedEx or USPS accepts (FedEx Express stops at 150 lb). */
  private static final BigDecimal MAX_POUNDS = new BigDecimal("150");

  private static final BigDecimal MAX_KILOGRAMS = new BigDecimal("68");
  private static final String LIMIT = "150 lb (68 kg)";

  private static final BigDecimal POUNDS_PER_KG = new BigDecimal("2.20462");

  public Weight {
    if (value == null || unit == null) {
      throw new ValidationException("weight needs a value and a unit");
    }
    value = Measure.checked("weight", value, unit == WeightUnit.LB ? MAX_POUNDS : MAX_KILOGRAMS, LIMIT);
    BigDecimal pounds = unit == WeightUnit.LB ? value : value.multiply(POUNDS_PER_KG);
    if (pounds.compareTo(MAX_POUNDS) > 0) {
      throw new ValidationException("weight must be at most " + LIMIT);
    }
  }

  public static Weight pounds(String value) {
    return new Weight(new BigDecimal(value), WeightUnit.LB);
  }

  public BigDecimal inPounds() {
    return unit == WeightUnit.LB ? value : value.multiply(POUNDS_PER_KG).setScale(2, RoundingMode.UP);
  }
}

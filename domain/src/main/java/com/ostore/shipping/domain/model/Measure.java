package com.ostore.shipping.domain.model;

import java.math.BigDecimal;

/**
 * The checks every package measurement passes before any arithmetic touches it: positive, not above
 * the carriers' limit, and no finer than two decimal places. Comparing and stripping zeros cost time
 * in the digits given, never in the exponent, so {@code 1e-1000000} is refused as cheaply as {@code 0}.
 */
final class Measure {
  static final int MAX_DECIMALS = 2;

  private Measure() {}

  /** The value with a scale of 0 to 2 (as stored), or a {@link ValidationException} naming the rule broken. */
  static BigDecimal checked(String name, BigDecimal value, BigDecimal max, String limitText) {
    if (value.signum() <= 0) {
      throw new ValidationException(name + " must be greater than 0");
    }
    if (value.compareTo(max) > 0) {
      throw new ValidationException(name + " must be at most " + limitText);
    }
    BigDecimal plain = value;
    if (plain.scale() > MAX_DECIMALS) {
      plain = plain.stripTrailingZeros();
      if (plain.scale() > MAX_DECIMALS) {
        throw new ValidationException(name + " may have at most " + MAX_DECIMALS + " decimal places");
      }
    }
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }
}

package com.ostore.shipping.domain.model;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Length, width and height of a package. */
public record Dimensions(BigDecimal length, BigDecimal width, BigDecimal height, LengthUnit unit) {
  /** Longer than either carrier's largest accepted side (FedEx: 274 cm / 108 in). */
  private static final BigDecimal MAX_SIDE_INCHES = new BigDecimal("108");

  private static final BigDecimal MAX_SIDE_CM = new BigDecimal("274");
  private static final Pattern TEXT =
      Pattern.compile("\\s*([0-9.]+)\\s*x\\s*([0-9.]+)\\s*x\\s*([0-9.]+)\\s*(in|cm)\\s*", Pattern.CASE_INSENSITIVE);

  public Dimensions {
    if (length == null || width == null || height == null || unit == null) {
      throw new ValidationException("dimensions need length, width, height and a unit");
    }
    BigDecimal max = unit == LengthUnit.IN ? MAX_SIDE_INCHES : MAX_SIDE_CM;
    length = side(length, max);
    width = side(width, max);
    height = side(height, max);
  }

  private static BigDecimal side(BigDecimal value, BigDecimal max) {
    if (value.signum() <= 0) {
      throw new ValidationException("dimensions must be greater than 0");
    }
    if (value.compareTo(max) > 0) {
      throw new ValidationException("no side of a package may exceed 108 in (274 cm)");
    }
    return Measure.checked("dimensions", value, max, "108 in (274 cm)");
  }

  /** Reads the stored text form, e.g. {@code "12x8x4 in"}. */
  public static Dimensions parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new ValidationException("dimensions must look like 12x8x4 in");
    }
    try {
      return new Dimensions(
          new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), new BigDecimal(m.group(3)),
          LengthUnit.fromWireName(m.group(4)));
    } catch (NumberFormatException e) {
      throw new ValidationException("dimensions must look like 12x8x4 in");
    }
  }

  /** The text form stored in the seed's {@code packageDimensions} column. */
  public String toText() {
    return length.toPlainString() + "x" + width.toPlainString() + "x" + height.toPlainString() + " " + unit.wireName();
  }
}

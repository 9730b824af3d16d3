package com.ostore.shipping.domain.model;

import java.math.BigDecimal;

/** Length, width and height of a package. */
public record Dimensions(BigDecimal length, BigDecimal width, BigDecimal height, LengthUnit unit) {
  /** Longer than either carrier's largest accepted side (FedEx: 274 cm / 108 in). */
  private static final BigDecimal MAX_SIDE_INCHES = new BigDecimal("108");

  private static final BigDecimal MAX_SIDE_CM = new BigDecimal("274");

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

  /**
   * Reads the stored text form, e.g. {@code "12x8x4 in"}: what
   * {@code \s*([0-9.]+)\s*x\s*([0-9.]+)\s*x\s*([0-9.]+)\s*(in|cm)\s*} (ASCII letters in any case) matches.
   * Read by hand because every package read back passes here, and the matcher was a visible share of a read.
   */
  public static Dimensions parse(String text) {
    String s = text == null ? "" : text;
    int[] at = {0};
    String length = number(s, at);
    String width = length != null && times(s, at) ? number(s, at) : null;
    String height = width != null && times(s, at) ? number(s, at) : null;
    String unit = height == null ? null : unit(s, at);
    if (unit == null) {
      throw new ValidationException("dimensions must look like 12x8x4 in");
    }
    try {
      return new Dimensions(new BigDecimal(length), new BigDecimal(width), new BigDecimal(height),
          LengthUnit.fromWireName(unit));
    } catch (NumberFormatException e) {
      throw new ValidationException("dimensions must look like 12x8x4 in");
    }
  }

  /** Spaces, then one or more of {@code 0-9 .}; null when there is none. */
  private static String number(String s, int[] at) {
    int start = skipSpace(s, at[0]);
    int end = start;
    while (end < s.length() && ((s.charAt(end) >= '0' && s.charAt(end) <= '9') || s.charAt(end) == '.')) {
      end++;
    }
    at[0] = end;
    return end > start ? s.substring(start, end) : null;
  }

  /** Spaces, then {@code x} in either case. */
  private static boolean times(String s, int[] at) {
    int i = skipSpace(s, at[0]);
    if (i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
      at[0] = i + 1;
      return true;
    }
    return false;
  }

  /** Spaces, {@code in} or {@code cm} in any case, then nothing but spaces to the end; null otherwise. */
  private static String unit(String s, int[] at) {
    int i = skipSpace(s, at[0]);
    if (i + 2 > s.length() || skipSpace(s, i + 2) != s.length()) {
      return null;
    }
    String unit = s.substring(i, i + 2);
    return unit.equalsIgnoreCase("in") || unit.equalsIgnoreCase("cm") ? unit : null;
  }

  /** The regular expression's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
      i++;
    }
    return i;
  }

  /** The text form stored in the seed's {@code packageDimensions} column. */
  public String toText() {
    return length.toPlainString() + "x" + width.toPlainString() + "x" + height.toPlainString() + " " + unit.wireName();
  }
}

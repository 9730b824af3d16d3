package com.ostore.shipping.domain.model;

/**
 * What free text the service accepts from callers: no control characters (a NUL cannot even be
 * stored), no bidirectional overrides that make a label or a log line read differently from what it
 * holds, and no half of a surrogate pair.
 */
public final class Text {
  private Text() {}

  /** True when every character is one a person could have meant to type. */
  public static boolean isPrintable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || isBidiControl(c) || c == '\uFFFE' || c == '\uFFFF') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Shortens and neutralises caller text before it is quoted back in an error message. */
  public static String quoted(String value, int maxLength) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(maxLength).forEach(cp -> out.appendCodePoint(
        Character.isISOControl(cp) || isBidiControl(cp) || Character.isSurrogate((char) cp) ? '?' : cp));
    return value.codePointCount(0, value.length()) > maxLength ? out + "..." : out.toString();
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
  }
}

package com.ostore.shipping.domain.model;

import java.util.Arrays;
import java.util.List;

/**
 * Where a shipment goes: the text the caller sent (echoed back unchanged, as the seed's API does)
 * and the parts a carrier needs to print a label.
 */
public record ShippingAddress(String text, PostalAddress postal) {
  public static final int MAX_LENGTH = 500;

  public ShippingAddress {
    // The text is echoed back and stored as sent, so a line break the parts would fold away must not pass.
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH || postal == null
        || !Text.isPrintable(text)) {
      throw PostalAddress.invalid();
    }
  }

  /**
   * Parses the seed's single-line form, {@code "street[, more street], city[, state postal], country"};
   * anything with fewer than three comma-separated parts is rejected.
   */
  public static ShippingAddress parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw PostalAddress.invalid();
    }
    List<String> parts = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    if (parts.size() < 3 || parts.size() > 6 || parts.stream().anyMatch(String::isEmpty)) {
      throw PostalAddress.invalid();
    }
    String country = parts.get(parts.size() - 1);
    if (parts.size() == 3) {
      return new ShippingAddress(text, new PostalAddress(List.of(parts.get(0)), parts.get(1), null, null, country));
    }
    String[] region = region(parts.get(parts.size() - 2));
    boolean hasRegion = region != null;
    int cityIndex = hasRegion ? parts.size() - 3 : parts.size() - 2;
    String state = hasRegion ? region[0] : null;
    String postalCode = hasRegion ? region[1] : null;
    if (cityIndex < 1) {
      throw PostalAddress.invalid();
    }
    PostalAddress postal =
        new PostalAddress(parts.subList(0, cityIndex), parts.get(cityIndex), state, postalCode, country);
    return new ShippingAddress(text, postal);
  }

  /**
   * State and postal code of a part like {@code "NY 10118"}, or null: what
   * {@code (?<state>[A-Za-z][A-Za-z .]*?)\s+(?<postal>[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)?)} matches,
   * the state as short as it can be. Read by hand: every create passes here, and the matcher showed in profiles.
   */
  static String[] region(String part) {
    if (part.isEmpty() || !letter(part.charAt(0))) {
      return null;
    }
    for (int end = 1; end < part.length(); end++) {
      char c = part.charAt(end);
      if (space(c)) {
        int postal = end;
        while (postal < part.length() && space(part.charAt(postal))) {
          postal++;
        }
        if (postalCode(part, postal)) {
          return new String[] {part.substring(0, end), part.substring(postal)};
        }
      }
      if (!letter(c) && c != ' ' && c != '.') {
        return null;
      }
    }
    return null;
  }

  /** From {@code from} to the end: letters and digits with at least one digit, then maybe {@code [ -]} and more. */
  private static boolean postalCode(String part, int from) {
    int i = from;
    boolean digit = false;
    while (i < part.length() && (letter(part.charAt(i)) || digit(part.charAt(i)))) {
      digit |= digit(part.charAt(i));
      i++;
    }
    if (!digit) {
      return false;
    }
    if (i == part.length()) {
      return true;
    }
    if (part.charAt(i) != ' ' && part.charAt(i) != '-') {
      return false;
    }
    int rest = ++i;
    while (i < part.length() && (letter(part.charAt(i)) || digit(part.charAt(i)))) {
      i++;
    }
    return i > rest && i == part.length();
  }

  private static boolean letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The regular expressions' {@code \s}. */
  private static boolean space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** A structured address; its text is the single-line form. */
  public static ShippingAddress of(PostalAddress postal) {
    if (postal == null) {
      throw PostalAddress.invalid();
    }
    return new ShippingAddress(postal.toSingleLine(), postal);
  }
}

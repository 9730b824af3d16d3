package com.ostore.shipping.domain.model;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a shipment goes: the text the caller sent (echoed back unchanged, as the seed's API does)
 * and the parts a carrier needs to print a label.
 */
public record ShippingAddress(String text, PostalAddress postal) {
  public static final int MAX_LENGTH = 500;
  private static final Pattern REGION = 
      Pattern.compile("(?<state>[A-Za-z][A-Za-z .]*?)\\s+(?<postal>[A-Za-z0-9]*\\d[A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)?)");

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
    Matcher region = REGION.matcher(parts.get(parts.size() - 2));
    boolean hasRegion = region.matches();
    int cityIndex = hasRegion ? parts.size() - 3 : parts.size() - 2;
    String state = hasRegion ? region.group("state") : null;
    String postalCode = hasRegion ? region.group("postal") : null;
    if (cityIndex < 1) {
      throw PostalAddress.invalid();
    }
    PostalAddress postal =
        new PostalAddress(parts.subList(0, cityIndex), parts.get(cityIndex), state, postalCode, country);
    return new ShippingAddress(text, postal);
  }

  /** A structured address; its text is the single-line form. */
  public static ShippingAddress of(PostalAddress postal) {
    if (postal == null) {
      throw PostalAddress.invalid();
    }
    return new ShippingAddress(postal.toSingleLine(), postal);
  }
}

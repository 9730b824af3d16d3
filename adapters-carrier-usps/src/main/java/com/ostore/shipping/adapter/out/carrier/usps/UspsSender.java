package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Objects;

/**
 * The warehouse labels are shipped from (USPS {@code fromAddress}); {@code zipPlus4} may be null. USPS
 * needs a first and last name or a firm, and its length limits; a sender that breaks them stops the
 * start rather than every label.
 */
public record UspsSender(
    String name, String firm, String streetAddress, String city, String state, String zipCode, String zipPlus4) {

  public UspsSender {
    Objects.requireNonNull(streetAddress, "streetAddress");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zipCode, "zipCode");
    boolean fullName = name != null && name.strip().indexOf(' ') > 0;
    if (!fullName && (firm == null || firm.isBlank())) {
      throw new IllegalArgumentException("a USPS sender needs a first and last name or a firm");
    }
    check("sender name", name, 2 * UspsLabelRequestMapper.MAX_NAME_PART + 1);
    check("sender firm", firm, UspsLabelRequestMapper.MAX_NAME_PART);
    check("sender street", streetAddress, UspsLabelRequestMapper.MAX_STREET);
    check("sender city", city, UspsLabelRequestMapper.MAX_CITY);
    if (!state.matches("[A-Z]{2}") || !zipCode.matches("\\d{5}") || (zipPlus4 != null && !zipPlus4.matches("\\d{4}"))) {
      throw new IllegalArgumentException("a USPS sender needs a two-letter state and a five-digit ZIP Code");
    }
  }

  private static void check(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException("USPS takes at most " + max + " characters of " + what);
    }
  }
}

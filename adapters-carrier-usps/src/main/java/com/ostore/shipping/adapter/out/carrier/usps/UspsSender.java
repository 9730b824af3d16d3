package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Objects;

/** The warehouse labels are shipped from (USPS {@code fromAddress}); {@code zipPlus4} may be null. */
public record UspsSender(
    String name, String firm, String streetAddress, String city, String state, String zipCode, String zipPlus4) {

  public UspsSender {
    Objects.requireNonNull(streetAddress, "streetAddress");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zipCode, "zipCode");
    if (name == null && firm == null) {
      throw new IllegalArgumentException("a USPS sender needs a name or a firm");
    }
  }
}

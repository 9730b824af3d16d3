package com.ostore.shipping.domain.model;

/** A shipping carrier as listed in the Carriers table. */
public record Carrier(int id, CarrierCode code, String name, String contactInformation) {
  public Carrier {
    if (code == null || name == null || name.isBlank()) {
      throw new ValidationException("a carrier needs a code and a name");
    }
  }
}

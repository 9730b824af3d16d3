package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.model.PostalAddress;
import java.util.Objects;

/** Who ships: the warehouse address and the contact FedEx prints on every label. */
public record FedexShipper(String personName, String companyName, String phoneNumber, PostalAddress address) {
  public FedexShipper {
    if ((personName == null || personName.isBlank()) && (companyName == null || companyName.isBlank())) {
      throw new IllegalArgumentException("FedEx shipper needs a person or company name");
    }
    if (phoneNumber == null || phoneNumber.isBlank()) {
      throw new IllegalArgumentException("FedEx shipper needs a phone number");
    }
    Objects.requireNonNull(address, "address");
  }
}

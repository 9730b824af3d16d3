package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.model.PostalAddress;
import java.util.Objects;

/** Who ships: the warehouse address and the contact FedEx prints on every label (FedEx's length limits). */
public record FedexShipper(String personName, String companyName, String phoneNumber, PostalAddress address) {
  public FedexShipper {
    if ((personName == null || personName.isBlank()) && (companyName == null || companyName.isBlank())) {
      throw new IllegalArgumentException("FedEx shipper needs a person or company name");
    }
    if (phoneNumber == null || !phoneNumber.matches("\\d{10}")) {
      throw new IllegalArgumentException("FedEx shipper needs a ten-digit phone number");
    }
    if ((personName != null && personName.length() > 70) || (companyName != null && companyName.length() > 35)) {
      throw new IllegalArgumentException("FedEx takes at most 70 characters of person name and 35 of company name");
    }
    Objects.requireNonNull(address, "address");
  }
}

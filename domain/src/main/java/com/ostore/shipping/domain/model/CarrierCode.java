package com.ostore.shipping.domain.model;

import java.util.Locale;

/** The carriers the service can ship with. */
public enum CarrierCode {
  FEDEX,
  USPS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CarrierCode fromWireName(String name) {
    for (CarrierCode code : values()) {
      if (code.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return code;
      }
    }
    throw new ValidationException("carrier must be one of fedex, usps");
  }
}

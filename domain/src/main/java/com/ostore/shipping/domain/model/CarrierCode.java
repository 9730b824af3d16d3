package com.ostore.shipping.domain.model;

import java.util.Locale;

/** The carriers the service can ship with. */
public enum CarrierCode {
  FEDEX,
  USPS;

  /** Made once: it is written into every answer and compared on every row read. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
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

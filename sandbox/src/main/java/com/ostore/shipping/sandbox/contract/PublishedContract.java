package com.ostore.shipping.sandbox.contract;

/**
 * One vendored OpenAPI document, as the carrier published it (sources, versions and known differences
 * from the live APIs: {@code carrier-contracts/README.md}).
 */
public enum PublishedContract {
  FEDEX_OAUTH(Carrier.FEDEX, "fedex/APIAuthorization-Resource.json"),
  FEDEX_SHIP(Carrier.FEDEX, "fedex/ship-api.json"),
  FEDEX_TRACK(Carrier.FEDEX, "fedex/track.json"),
  USPS_OAUTH(Carrier.USPS, "usps/oauth2_3_update.yaml"),
  USPS_PAYMENTS(Carrier.USPS, "usps/payments.yaml"),
  USPS_LABELS(Carrier.USPS, "usps/domestic-labels.yaml"),
  USPS_TRACKING_V3R2(Carrier.USPS, "usps/tracking-v3r2.yaml"),
  USPS_TRACKING_V3(Carrier.USPS, "usps/tracking.yaml");

  private final Carrier carrier;
  private final String file;

  PublishedContract(Carrier carrier, String file) {
    this.carrier = carrier;
    this.file = file;
  }

  public Carrier carrier() {
    return carrier;
  }

  /** Where the document sits on the classpath. */
  public String resource() {
    return "carrier-contracts/" + file;
  }

  boolean isYaml() {
    return file.endsWith(".yaml");
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.support.Secret;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the FedEx adapter needs, built by bootstrap. Track may use its own project credentials
 * (FedEx makes newer accounts pick Ship or Track per project). toString never shows secrets and shows
 * only the last digits of the account number.
 */
public record FedexConfig(
    String baseUrl,
    FedexCredentials shipCredentials,
    FedexCredentials trackCredentials,
    Secret accountNumber,
    FedexShipper shipper,
    FedexShipmentDefaults shipmentDefaults,
    FedexResilienceSettings resilience,
    Clock clock) {

  public static final String SANDBOX_URL = "https://apis-sandbox.fedex.com";
  public static final String PRODUCTION_URL = "https://apis.fedex.com";

  public FedexConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Objects.requireNonNull(shipCredentials, "shipCredentials");
    trackCredentials = trackCredentials == null ? shipCredentials : trackCredentials;
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(shipper, "shipper");
    Objects.requireNonNull(shipmentDefaults, "shipmentDefaults");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(clock, "clock");
  }

  /** One project for Ship and Track, standard defaults and resilience, the system clock. */
  public static FedexConfig defaults(
      String baseUrl, String clientId, Secret clientSecret, Secret accountNumber, FedexShipper shipper) {
    return new FedexConfig(baseUrl, new FedexCredentials(clientId, clientSecret), null, accountNumber, shipper,
        FedexShipmentDefaults.standard(), FedexResilienceSettings.standard(), Clock.systemUTC());
  }

  public FedexConfig withTrackCredentials(FedexCredentials track) {
    return new FedexConfig(baseUrl, shipCredentials, track, accountNumber, shipper, shipmentDefaults, resilience, clock);
  }

  public FedexConfig withShipmentDefaults(FedexShipmentDefaults defaults) {
    return new FedexConfig(baseUrl, shipCredentials, trackCredentials, accountNumber, shipper, defaults, resilience, clock);
  }

  public FedexConfig withResilience(FedexResilienceSettings settings) {
    return new FedexConfig(baseUrl, shipCredentials, trackCredentials, accountNumber, shipper, shipmentDefaults, settings, clock);
  }

  public FedexConfig withClock(Clock newClock) {
    return new FedexConfig(baseUrl, shipCredentials, trackCredentials, accountNumber, shipper, shipmentDefaults, resilience, newClock);
  }

  /** The account number as FedEx logs would show it: only the last three digits. */
  public String maskedAccountNumber() {
    String value = accountNumber.reveal();
    return value.length() <= 3 ? "***" : "*****" + value.substring(value.length() - 3);
  }

  @Override
  public String toString() {
    return "FedexConfig[baseUrl=" + baseUrl + ", shipCredentials=" + shipCredentials
        + ", trackCredentials=" + trackCredentials + ", accountNumber=" + maskedAccountNumber()
        + ", shipper=" + shipper + ", shipmentDefaults=" + shipmentDefaults + ", resilience=" + resilience + "]";
  }
}

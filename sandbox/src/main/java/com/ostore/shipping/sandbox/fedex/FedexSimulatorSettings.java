package com.ostore.shipping.sandbox.fedex;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How the FedEx simulator behaves: the credentials and account it accepts, how long its tokens live,
 * how long each tracking stage lasts, the offset of its scan times and the clock all of that is read from.
 */
public record FedexSimulatorSettings(
    String clientId,
    String clientSecret,
    String accountNumber,
    Duration tokenLifetime,
    Duration stageDuration,
    ZoneOffset scanOffset,
    Clock clock) {

  public FedexSimulatorSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(stageDuration, "stageDuration");
    Objects.requireNonNull(scanOffset, "scanOffset");
    Objects.requireNonNull(clock, "clock");
  }

  /** Accepts these credentials and any account; 1-hour tokens; a stage every 6 hours; US Central time. */
  public static FedexSimulatorSettings of(String clientId, String clientSecret, Clock clock) {
    return new FedexSimulatorSettings(clientId, clientSecret, null, Duration.ofSeconds(3599), Duration.ofHours(6),
        ZoneOffset.ofHours(-5), clock);
  }

  public FedexSimulatorSettings withTokenLifetime(Duration lifetime) {
    return new FedexSimulatorSettings(clientId, clientSecret, accountNumber, lifetime, stageDuration, scanOffset, clock);
  }

  public FedexSimulatorSettings withStageDuration(Duration stage) {
    return new FedexSimulatorSettings(clientId, clientSecret, accountNumber, tokenLifetime, stage, scanOffset, clock);
  }

  /** Only this account number may ship (others get ACCOUNTNUMBER.REGISTRATION.REQUIRED). */
  public FedexSimulatorSettings withAccountNumber(String account) {
    return new FedexSimulatorSettings(clientId, clientSecret, account, tokenLifetime, stageDuration, scanOffset, clock);
  }

  @Override
  public String toString() {
    return "FedexSimulatorSettings[clientId=" + clientId + ", clientSecret=***, tokenLifetime=" + tokenLifetime
        + ", stageDuration=" + stageDuration + "]";
  }
}

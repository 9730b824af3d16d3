package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.support.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the USPS adapter needs, built by bootstrap. {@code baseUrl} is
 * {@value #TEM_BASE_URL} (test) or {@value #PRODUCTION_BASE_URL}. Tokens are refreshed
 * {@code tokenRefreshMargin} before they expire; {@code localTimeZone} interprets scan times USPS
 * sends without any offset when the scan's state does not tell the zone.
 */
public record UspsConfig(
    String baseUrl,
    String clientId,
    Secret clientSecret,
    UspsPaymentAccount paymentAccount,
    UspsSender sender,
    UspsLabelDefaults labelDefaults,
    UspsResilience resilience,
    UspsRateLimits rateLimits,
    Duration tokenRefreshMargin,
    Duration paymentTokenLifetime,
    Duration trackingV3r2Reprobe,
    ZoneId localTimeZone,
    Clock clock) {

  public static final String TEM_BASE_URL = "https://apis-tem.usps.com";
  public static final String PRODUCTION_BASE_URL = "https://apis.usps.com";

  public UspsConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(paymentAccount, "paymentAccount");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(labelDefaults, "labelDefaults");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin");
    Objects.requireNonNull(paymentTokenLifetime, "paymentTokenLifetime");
    Objects.requireNonNull(trackingV3r2Reprobe, "trackingV3r2Reprobe");
    Objects.requireNonNull(localTimeZone, "localTimeZone");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Sensible defaults: Ground Advantage 4x6 PDF, {@link UspsResilience#defaults()}, USPS's default quota
   * of 60 calls per hour per API, refresh 5 minutes early, payment token kept 8 hours, system UTC clock.
   */
  public static UspsConfig defaults(
      String baseUrl, String clientId, Secret clientSecret, UspsPaymentAccount account, UspsSender sender) {
    return new UspsConfig(baseUrl, clientId, clientSecret, account, sender, UspsLabelDefaults.groundAdvantage(),
        UspsResilience.defaults(), UspsRateLimits.uspsDefault(), Duration.ofMinutes(5), Duration.ofHours(8),
        Duration.ofHours(6), ZoneId.of("America/New_York"), Clock.systemUTC());
  }

  public UspsConfig withResilience(UspsResilience value) {
    return new UspsConfig(baseUrl, clientId, clientSecret, paymentAccount, sender, labelDefaults, value, rateLimits,
        tokenRefreshMargin, paymentTokenLifetime, trackingV3r2Reprobe, localTimeZone, clock);
  }

  public UspsConfig withRateLimits(UspsRateLimits value) {
    return new UspsConfig(baseUrl, clientId, clientSecret, paymentAccount, sender, labelDefaults, resilience, value,
        tokenRefreshMargin, paymentTokenLifetime, trackingV3r2Reprobe, localTimeZone, clock);
  }

  public UspsConfig withLabelDefaults(UspsLabelDefaults value) {
    return new UspsConfig(baseUrl, clientId, clientSecret, paymentAccount, sender, value, resilience, rateLimits,
        tokenRefreshMargin, paymentTokenLifetime, trackingV3r2Reprobe, localTimeZone, clock);
  }

  public UspsConfig withClock(Clock value) {
    return new UspsConfig(baseUrl, clientId, clientSecret, paymentAccount, sender, labelDefaults, resilience,
        rateLimits, tokenRefreshMargin, paymentTokenLifetime, trackingV3r2Reprobe, localTimeZone, value);
  }

  @Override
  public String toString() {
    // Spelled out so that a future component holding a credential is not printed by accident.
    return "UspsConfig[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=" + clientSecret
        + ", paymentAccount=" + paymentAccount + ", sender=" + sender + ", labelDefaults=" + labelDefaults
        + ", resilience=" + resilience + ", rateLimits=" + rateLimits + "]";
  }
}

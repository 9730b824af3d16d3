package com.ostore.shipping.adapter.in.http.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How bearer JWTs are checked: the issuer's key set (JWKS), the exact {@code iss} and an {@code aud}
 * they must carry, the only signature algorithms accepted, the clock skew allowed on {@code exp} and
 * {@code nbf}, and how long fetched keys are kept before they are fetched again.
 */
public record JwtSettings(
    URI jwksUrl, String issuer, String audience, Set<String> algorithms, Duration clockSkew, Duration keyCacheTime) {

  /** Asymmetric algorithms only: a shared-secret algorithm would let anyone who has the JWKS sign tokens. */
  public static final Set<String> ALLOWED_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
  public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "ES256");
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_KEY_CACHE_TIME = Duration.ofMinutes(5);

  public JwtSettings {
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(keyCacheTime, "keyCacheTime");
    if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("a JWT issuer and audience are required");
    }
    algorithms = Set.copyOf(algorithms);
    if (algorithms.isEmpty() || !ALLOWED_ALGORITHMS.containsAll(algorithms)) {
      throw new IllegalArgumentException("JWT algorithms must be some of " + ALLOWED_ALGORITHMS.stream().sorted()
          .toList());
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("the JWT clock skew must be between 0 and 5 minutes");
    }
    // Below a minute the refresh-ahead window (30 s) and the refresh timeout would not fit in the cache time.
    if (keyCacheTime.compareTo(Duration.ofMinutes(1)) < 0 || keyCacheTime.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("the JWKS cache time must be between 1 minute and 1 day");
    }
  }

  public static JwtSettings of(URI jwksUrl, String issuer, String audience) {
    return new JwtSettings(jwksUrl, issuer, audience, DEFAULT_ALGORITHMS, DEFAULT_CLOCK_SKEW, DEFAULT_KEY_CACHE_TIME);
  }
}

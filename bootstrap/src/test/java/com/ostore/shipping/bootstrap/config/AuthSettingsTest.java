package com.ostore.shipping.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.RateLimit;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call the API, as the production main reads it: no credential source, no start. */
class AuthSettingsTest {
  private static final String ORDERS_KEY = "ostk_orders-key-in-a-vault";
  private static final String OPS_KEY = "ostk_ops-key-in-a-vault";

  @Test
  void givenKeysInAFileAndInTheEnvironment_whenRead_thenBothAreAcceptedWithTheirScopes(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("api-keys");
    Files.writeString(file,
        "# rotated 2026-01\nops:" + ApiKey.sha256Hex(OPS_KEY) + ":shipments:cancel,shipments:read\n");
    Map<String, String> env = environment(Map.of("API_KEYS_FILE", file.toString(),
        "API_KEYS", "orders:" + ApiKey.sha256Hex(ORDERS_KEY) + ":shipments:read,shipments:write"));

    SecurityConfig security = read(env);

    assertThat(security.disabled()).isFalse();
    assertThat(security.apiKeys()).extracting(ApiKey::name).containsExactly("ops", "orders");
    assertThat(security.apiKeys().get(0).scopes())
        .containsExactlyInAnyOrder(Scope.SHIPMENTS_CANCEL, Scope.SHIPMENTS_READ);
    assertThat(security.createLimit()).isEqualTo(new RateLimit(120, Duration.ofMinutes(1)));
    assertThat(security.cancelLimit()).isEqualTo(new RateLimit(30, Duration.ofMinutes(1)));
  }

  @Test
  void givenAnIssuer_whenRead_thenJwtsAreCheckedAgainstItsKeysWithTheDefaultsPinned() {
    Map<String, String> env = environment(Map.of("AUTH_JWKS_URL", "https://login.example.com/.well-known/jwks.json",
        "AUTH_ISSUER", "https://login.example.com/", "AUTH_AUDIENCE", "ostore-shipping"));

    SecurityConfig security = read(env);

    assertThat(security.apiKeys()).isEmpty();
    assertThat(security.jwt()).hasValueSatisfying(jwt -> {
      assertThat(jwt.jwksUrl()).isEqualTo(URI.create("https://login.example.com/.well-known/jwks.json"));
      assertThat(jwt.issuer()).isEqualTo("https://login.example.com/");
      assertThat(jwt.audience()).isEqualTo("ostore-shipping");
      assertThat(jwt.algorithms()).isEqualTo(Set.of("RS256", "ES256"));
      assertThat(jwt.clockSkew()).isEqualTo(Duration.ofSeconds(30));
      assertThat(jwt.keyCacheTime()).isEqualTo(Duration.ofMinutes(5));
    });
  }

  @Test
  void withNoCredentialSourceTheServiceRefusesToStartAndSaysWhatToSet() {
    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> read(environment(Map.of())))
        .withMessageContaining("no credential source for the API")
        .withMessageContaining("API_KEYS_FILE").withMessageContaining("AUTH_JWKS_URL")
        .withMessageContaining("AUTH_DISABLED=true");
  }

  @Test
  void authenticationIsOffOnlyWhenSaidExplicitlyAndNeverBesideConfiguredCredentials() {
    SecurityConfig open = read(environment(Map.of("AUTH_DISABLED", "true")));
    Map<String, String> both = environment(Map.of("AUTH_DISABLED", "true",
        "API_KEYS", "orders:" + ApiKey.sha256Hex(ORDERS_KEY) + ":shipments:read"));

    assertThat(open.disabled()).isTrue();
    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> read(both))
        .withMessageContaining("AUTH_DISABLED=true contradicts");
    assertThatExceptionOfType(InvalidConfigurationException.class)
        .isThrownBy(() -> read(environment(Map.of("AUTH_DISABLED", "yes"))))
        .withMessageContaining("AUTH_DISABLED must be true or false");
  }

  @Test
  void mistakesInTheAuthSettingsAreNamedWithoutRepeatingWhatWasPasted() {
    Map<String, String> env = environment(Map.of(
        "API_KEYS", "orders:" + ORDERS_KEY + ":shipments:read",
        "AUTH_JWKS_URL", "http://login.example.com/jwks.json",
        "AUTH_ISSUER", "https://login.example.com/",
        "AUTH_JWT_ALGORITHMS", "HS256",
        "CREATE_RATE_LIMIT_CALLS", "0"));

    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> read(env)).satisfies(e -> {
      assertThat(e.getMessage()).contains("API_KEYS: entry 1: the hash must be 64 hex digits",
          "AUTH_JWKS_URL must be an https URL", "AUTH_AUDIENCE is required", "CREATE_RATE_LIMIT_CALLS");
      assertThat(e.getMessage()).doesNotContain(ORDERS_KEY);
    });
  }

  @Test
  void anIssuerOnThisMachineMayServeItsKeysOverPlainHttpAndAlgorithmsAreLimitedToAsymmetricOnes() {
    Map<String, String> local = environment(Map.of("AUTH_JWKS_URL", "http://127.0.0.1:8443/jwks.json",
        "AUTH_ISSUER", "http://127.0.0.1:8443/", "AUTH_AUDIENCE", "ostore-shipping", "AUTH_JWT_ALGORITHMS", "ES256"));
    Map<String, String> symmetric = environment(Map.of("AUTH_JWKS_URL", "https://login.example.com/jwks.json",
        "AUTH_ISSUER", "https://login.example.com/", "AUTH_AUDIENCE", "ostore-shipping",
        "AUTH_JWT_ALGORITHMS", "RS256,HS256"));

    assertThat(read(local).jwt().orElseThrow().algorithms()).containsExactly("ES256");
    assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> read(symmetric))
        .withMessageContaining("JWT algorithms must be some of");
  }

  @Test
  void anIssuerWithoutItsKeySetIsAMistake() {
    assertThatExceptionOfType(InvalidConfigurationException.class)
        .isThrownBy(() -> read(environment(Map.of("AUTH_ISSUER", "https://login.example.com/",
            "API_KEYS", "orders:" + ApiKey.sha256Hex(ORDERS_KEY) + ":shipments:read"))))
        .withMessageContaining("AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL");
  }

  @Test
  void theLimitsAndTheIdempotencyKeyRetentionAreConfigurable() {
    Map<String, String> env = environment(Map.of("API_KEYS", "orders:" + ApiKey.sha256Hex(ORDERS_KEY)
        + ":shipments:write", "CREATE_RATE_LIMIT_CALLS", "10", "CREATE_RATE_LIMIT_PERIOD", "1s",
        "CANCEL_RATE_LIMIT_CALLS", "5", "CANCEL_RATE_LIMIT_PERIOD", "1h", "IDEMPOTENCY_KEY_RETENTION", "48h"));

    ServiceConfig config = EnvironmentConfig.read(env, Clock.systemUTC());

    assertThat(config.security().createLimit()).isEqualTo(new RateLimit(10, Duration.ofSeconds(1)));
    assertThat(config.security().cancelLimit()).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
    assertThat(config.work().idempotencyKeyRetention()).isEqualTo(Duration.ofHours(48));
    assertThat(EnvironmentConfig.read(environment(Map.of("API_KEYS", env.get("API_KEYS"))), Clock.systemUTC())
        .work().idempotencyKeyRetention()).isEqualTo(Duration.ofDays(1));
  }

  private static SecurityConfig read(Map<String, String> env) {
    return EnvironmentConfig.read(env, Clock.systemUTC()).security();
  }

  /** The complete environment without its API key, plus {@code auth}. */
  private static Map<String, String> environment(Map<String, String> auth) {
    Map<String, String> env = EnvironmentConfigTest.completeEnvironment();
    env.remove("API_KEYS");
    env.putAll(auth);
    return env;
  }
}

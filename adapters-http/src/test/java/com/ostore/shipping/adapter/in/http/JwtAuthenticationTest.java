package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.JwtSettings;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.adapter.testing.LogCapture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bearer JWTs checked against the JWKS of a local issuer: what passes, and every way a token can fail. */
class JwtAuthenticationTest {
  private static final Clock CLOCK = Clock.fixed(TestIssuer.NOW, ZoneOffset.UTC);
  private static final String READ = "shipments:read";

  private final TestIssuer issuer = new TestIssuer();
  private final FakeShipping shipping = new FakeShipping();

  @AfterEach
  void stopIssuer() {
    issuer.close();
  }

  static Stream<Arguments> refusedTokens() {
    TestIssuer keys = new TestIssuer();
    keys.close();
    return Stream.of(
        refused("expired beyond the skew", i -> i.token(READ, c -> c.expirationTime(at(-31)))),
        refused("not valid yet beyond the skew", i -> i.token(READ, c -> c.notBeforeTime(at(31)))),
        refused("for another audience", i -> i.token(READ, c -> c.audience("another-service"))),
        refused("from another issuer", i -> i.token(READ, c -> c.issuer("https://evil.example.test/"))),
        refused("without an expiry", i -> i.token(READ, c -> c.expirationTime(null))),
        refused("without a subject", i -> i.token(READ, c -> c.subject(null))),
        refused("alg none", i -> TestIssuer.unsigned(TestIssuer.claims(READ, c -> {}))),
        refused("HS256 (not a pinned algorithm)", i -> TestIssuer.signHs256("rsa-1", TestIssuer.claims(READ, c -> {}))),
        refused("RS512 (not a pinned algorithm)",
            i -> TestIssuer.sign(i.rsa, JWSAlgorithm.RS512, TestIssuer.claims(READ, c -> {}))),
        refused("signed by a key with an unknown kid",
            i -> TestIssuer.sign(i.unpublished, JWSAlgorithm.RS256, TestIssuer.claims(READ, c -> {}))),
        refused("signed by another key under a known kid", i -> TestIssuer.sign(
            renamed(i.unpublished, "rsa-1"), JWSAlgorithm.RS256, TestIssuer.claims(READ, c -> {}))),
        refused("with a tampered signature", i -> tamperSignature(i.token(READ))),
        refused("with tampered claims", i -> tamperClaims(i.token(READ))),
        refused("not a JWT at all", i -> "abc.def.ghi"),
        refused("an encrypted JWT (five parts)", i -> "a.b.c.d.e"));
  }

  @ParameterizedTest(name = "a token {0} is refused with 401")
  @MethodSource("refusedTokens")
  void everyBrokenTokenIsA401WithInvalidToken(String problem, Function<TestIssuer, String> token) {
    shipping.store(aShipment().withId(1001).build());

    ApiClient.Reply reply = call(token.apply(issuer), api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ostore-shipping\", error=\"invalid_token\"");
    assertThat(reply.error()).isEqualTo("the credential is not valid");
  }

  @Test
  void aValidRs256TokenWithTheScopeIsAccepted() {
    shipping.store(aShipment().withId(1001).build());

    ApiClient.Reply reply = call(issuer.token(READ), api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void aValidEs256TokenIsAcceptedAndScopesMayComeAsAnScpList() {
    shipping.store(aShipment().withId(1001).build());
    String token = TestIssuer.sign(issuer.ec, JWSAlgorithm.ES256,
        TestIssuer.claims(null, c -> c.claim("scp", List.of("labels:read", READ))));

    ApiClient.Reply reply = call(token, api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void expiryAndNotBeforeAllowThirtySecondsOfClockSkew() {
    shipping.store(aShipment().withId(1001).build());
    String justExpired = issuer.token(READ, c -> c.expirationTime(at(-29)));
    String almostValid = issuer.token(READ, c -> c.notBeforeTime(at(29)));

    assertThat(call(justExpired, api -> api.get("/shipments/1001")).status()).isEqualTo(200);
    assertThat(call(almostValid, api -> api.get("/shipments/1001")).status()).isEqualTo(200);
  }

  @Test
  void aTokenWithoutTheRoutesScopeIsA403() {
    ApiClient.Reply reply = call(issuer.token("shipments:write labels:read"), api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void theIssuersKeysAreFetchedOnceAndServedFromTheCache() {
    shipping.store(aShipment().withId(1001).build());

    List<Integer> statuses = ApiClient.call(shipping.useCases(), security(), null, api -> List.of(
        api.as(issuer.token(READ)).get("/shipments/1001").status(),
        api.as(issuer.token(READ, c -> c.subject("another-client"))).get("/shipments/1001").status(),
        api.as(issuer.token(READ)).get("/shipments/1001").status()));

    assertThat(statuses).containsExactly(200, 200, 200);
    assertThat(issuer.jwksFetches()).isEqualTo(1);
  }

  @Test
  void givenTheIssuerRotatesToANewKey_whenATokenNamesIt_thenTheKeysAreFetchedAgainAndItIsAccepted() {
    shipping.store(aShipment().withId(1001).build());
    RSAKey next = issuer.unpublished;

    List<Integer> statuses = ApiClient.call(shipping.useCases(), security(), null, api -> {
      int before = api.as(issuer.token(READ)).get("/shipments/1001").status();
      issuer.publish(next);
      String rotated = TestIssuer.sign(next, JWSAlgorithm.RS256, TestIssuer.claims(READ, c -> {}));
      return List.of(before, api.as(rotated).get("/shipments/1001").status());
    });

    assertThat(statuses).containsExactly(200, 200);
    assertThat(issuer.jwksFetches()).isEqualTo(2);
  }

  @Test
  void givenTheIssuerCannotBeReached_thenTheAnswerIs503WithRetryAfterRatherThanABlameful401() {
    JwtSettings unreachable = JwtSettings.of(URI.create("http://127.0.0.1:1/jwks.json"), TestIssuer.ISSUER,
        TestIssuer.AUDIENCE);

    ApiClient.Reply reply = ApiClient.call(shipping.useCases(), new ApiSecurity(SecurityConfig.jwt(unreachable), CLOCK),
        issuer.token(READ), api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.error()).isEqualTo("credentials cannot be checked right now; try again shortly");
  }

  /** Every logger of the service, at DEBUG; Jetty's own debug output is capped at WARN by the service's config. */
  @Test
  void neitherAcceptedNorRefusedTokensAppearInAnyLogLine() {
    shipping.store(aShipment().withId(1001).build());
    String good = issuer.token(READ);
    String expired = issuer.token(READ, c -> c.expirationTime(at(-3600)));

    try (LogCapture log = LogCapture.of("com.ostore.shipping")) {
      call(good, api -> api.get("/shipments/1001"));
      call(expired, api -> api.get("/shipments/1001"));

      assertThat(log.text()).contains("refused a bearer token").doesNotContain(good).doesNotContain(expired)
          .doesNotContain(good.substring(good.lastIndexOf('.') + 1));
    }
  }

  private ApiClient.Reply call(String token, Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), security(), token, exchange);
  }

  private ApiSecurity security() {
    return new ApiSecurity(SecurityConfig.jwt(issuer.settings()), CLOCK);
  }

  private static Arguments refused(String problem, Function<TestIssuer, String> token) {
    return Arguments.of(problem, token);
  }

  private static Date at(long secondsFromNow) {
    return Date.from(TestIssuer.NOW.plus(Duration.ofSeconds(secondsFromNow)));
  }

  private static RSAKey renamed(RSAKey key, String kid) {
    return new RSAKey.Builder(key).keyID(kid).build();
  }

  private static String tamperSignature(String token) {
    int last = token.length() - 5;
    char swapped = token.charAt(last) == 'A' ? 'B' : 'A';
    return token.substring(0, last) + swapped + token.substring(last + 1);
  }

  /** Rewrites the claims to grant more while keeping the original signature. */
  private static String tamperClaims(String token) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("shipments:read", "shipments:read shipments:cancel");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}

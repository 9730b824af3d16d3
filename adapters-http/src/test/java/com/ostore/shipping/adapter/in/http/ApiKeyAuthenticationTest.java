package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.adapter.testing.LogCapture;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys: configured by hash, presented as a bearer token, never written to a log. */
class ApiKeyAuthenticationTest {
  private static final String READER_KEY = ApiKey.generate();
  private static final String OTHER_KEY = ApiKey.generate();
  private static final SecurityConfig KEYS = SecurityConfig.apiKeys(List.of(
      ApiKey.forKey("reader", READER_KEY, EnumSet.of(Scope.SHIPMENTS_READ)),
      ApiKey.forKey("other", OTHER_KEY, EnumSet.allOf(Scope.class))));

  private final FakeShipping shipping = new FakeShipping();

  @Test
  void aConfiguredKeyIsAcceptedWhateverTheCaseOfTheSchemeWord() {
    shipping.store(aShipment().withId(1001).build());

    ApiClient.Reply reply = call(null, api -> api.send(new Request.Builder().url(api.origin() + "/shipments/1001")
        .header("Authorization", "bearer " + READER_KEY)));

    assertThat(reply.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "Authorization: {0}")
  @ValueSource(strings = {"Bearer ostk_not-a-configured-key", "Basic dXNlcjpwYXNzd29yZA==", "Bearer",
      "Bearer two words", "Token abc", "Bearer a.b.c"})
  void anythingButAConfiguredKeyIsA401WithInvalidToken(String authorization) {
    ApiClient.Reply reply = call(null, api -> api.send(new Request.Builder().url(api.origin() + "/shipments/1001")
        .header("Authorization", authorization)));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ostore-shipping\", error=\"invalid_token\"");
    assertThat(reply.error()).isEqualTo("the credential is not valid");
  }

  @Test
  void anOverlongCredentialIsRefusedWithoutBeingHashedOrEchoed() {
    String huge = "x".repeat(5_000);

    ApiClient.Reply reply = call(huge, api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).doesNotContain("xxxx");
  }

  @Test
  void theKeyOfOneCallerDoesNotGrantTheScopesOfAnother() {
    ApiClient.Reply reply = call(READER_KEY, api -> api.post("/shipments/1001/cancel", "", ApiClient.JSON));

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void keysAppearInNoLogLineNotEvenOnRefusalsOrInternalErrors() {
    shipping.store(aShipment().withId(1001).build());
    String wrongKey = ApiKey.generate();

    try (LogCapture log = LogCapture.of("com.ostore.shipping")) {
      call(READER_KEY, api -> api.get("/shipments/1001"));
      call(wrongKey, api -> api.get("/shipments/1001"));
      call(READER_KEY, api -> api.post("/shipments/1001/cancel", "", ApiClient.JSON));
      shipping.failWith(new IllegalStateException("database gone"));
      ApiClient.Reply failed = call(OTHER_KEY, api -> api.get("/shipments/1001"));

      assertThat(failed.status()).isEqualTo(500);
      assertThat(log.text()).contains("Internal error").contains("GET /shipments/1001 401")
          .doesNotContain(READER_KEY).doesNotContain(OTHER_KEY).doesNotContain(wrongKey)
          .doesNotContain(ApiKey.sha256Hex(READER_KEY));
    }
  }

  @Test
  void withAuthenticationDisabledEveryRouteIsOpenAndAWarningIsLoggedAtStart() {
    shipping.store(aShipment().withId(1001).build());

    try (LogCapture log = LogCapture.of(ApiSecurity.class)) {
      ApiSecurity open = new ApiSecurity(SecurityConfig.disabledAuthentication(), Clock.systemUTC());
      ApiClient.Reply reply = ApiClient.call(shipping.useCases(), open, null,
          api -> api.post("/shipments/1001/cancel", "", ApiClient.JSON));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(log.events()).anySatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).startsWith("AUTH_DISABLED=true: the API accepts every request");
      });
    }
  }

  @Test
  void theStartLineNamesTheKeysButNeverTheirHashes() {
    try (LogCapture log = LogCapture.of(ApiSecurity.class)) {
      new ApiSecurity(KEYS, Clock.systemUTC());

      assertThat(log.text()).contains("API keys [reader, other]").doesNotContain(ApiKey.sha256Hex(READER_KEY));
    }
  }

  private ApiClient.Reply call(String credential, Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), new ApiSecurity(KEYS, Clock.systemUTC()), credential, exchange);
  }
}

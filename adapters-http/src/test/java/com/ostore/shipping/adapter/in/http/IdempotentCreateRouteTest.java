package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Idempotency-Key} on {@code POST /shipments}: a retry gets the first answer, never a second shipment. */
class IdempotentCreateRouteTest {
  private static final String SEED =
      "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}";
  private static final String SHOP = ApiKey.generate();
  private static final String WAREHOUSE = ApiKey.generate();

  private final FakeShipping shipping = new FakeShipping();
  private final ApiSecurity security = new ApiSecurity(SecurityConfig.apiKeys(List.of(
      ApiKey.forKey("shop", SHOP, EnumSet.allOf(Scope.class)),
      ApiKey.forKey("warehouse", WAREHOUSE, EnumSet.allOf(Scope.class)))), Clock.systemUTC());

  @Test
  void theSameKeyAndBodyTwiceGetTheSameStatusBodyAndLocationAndOneShipment() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(create(api, "order-123-try", SEED), create(api, "order-123-try", SEED)));

    ApiClient.Reply first = replies.get(0);
    ApiClient.Reply retry = replies.get(1);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/shipments/1001");
    assertThat(retry.contentType()).isEqualTo(first.contentType());
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(shipping.created).hasSize(1);
  }

  @Test
  void theFirstAnswerMatchesWhatTheRouteSendsWithoutAKey() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(api.createShipment(SEED), create(api, "k-1", SEED)));

    assertThat(replies.get(1).body()).isEqualTo(replies.get(0).body().replace("1001", "1002")
        .replace("100101", "100201"));
  }

  @Test
  void theSameRequestWrittenWithOtherKeyOrderAndSpacingCountsAsTheSame() {
    String reordered = "{ \"shipmentStatus\":\"pending\",\n \"shippingAddress\" : \"123 Main St, City, Country\","
        + " \"orderID\":123 }";

    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(create(api, "k-2", SEED), create(api, "k-2", reordered)));

    assertThat(replies.get(1).status()).isEqualTo(201);
    assertThat(replies.get(1).body()).isEqualTo(replies.get(0).body());
    assertThat(shipping.created).hasSize(1);
  }

  @Test
  void theSameKeyWithADifferentBodyIsA422AndCreatesNothing() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(create(api, "k-3", SEED), create(api, "k-3", SEED.replace("123,", "124,"))));

    assertThat(replies.get(1).status()).isEqualTo(422);
    assertThat(replies.get(1).error())
        .isEqualTo("this Idempotency-Key was already used for a different request; use a new key for a new shipment");
    assertThat(shipping.created).hasSize(1);
  }

  @Test
  void keysAreKeptPerCredential() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(create(api, "shared", SEED), create(api.as(WAREHOUSE), "shared", SEED)));

    assertThat(replies.get(1).status()).isEqualTo(201);
    assertThat(replies.get(1).header("Location")).isNotEqualTo(replies.get(0).header("Location"));
    assertThat(shipping.keyedRequests).extracting(request -> request.callerId())
        .containsExactly("key:shop", "key:warehouse");
  }

  static Stream<String> badKeys() {
    return Stream.of("", "with space", "k".repeat(256));
  }

  @ParameterizedTest(name = "Idempotency-Key: \"{0}\"")
  @MethodSource("badKeys")
  void aKeyThatIsNotShortVisibleAsciiIsA400AndCreatesNothing(String key) {
    ApiClient.Reply reply = ApiClient.call(shipping.useCases(), security, SHOP, api -> create(api, key, SEED));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).startsWith("Idempotency-Key must be 1 to 255 visible ASCII characters");
    assertThat(shipping.created).isEmpty();
  }

  @Test
  void aRefusedBodyDoesNotUseUpItsKey() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(create(api, "k-4", "{\"orderID\": 0}"), create(api, "k-4", SEED)));

    assertThat(replies).extracting(ApiClient.Reply::status).containsExactly(400, 201);
  }

  @Test
  void withoutAKeyEveryRequestCreatesAShipment() {
    ApiClient.call(shipping.useCases(), security, SHOP,
        api -> List.of(api.createShipment(SEED), api.createShipment(SEED)));

    assertThat(shipping.created).hasSize(2);
    assertThat(shipping.keyedRequests).isEmpty();
  }

  private static ApiClient.Reply create(ApiClient api, String key, String body) {
    return api.send(new Request.Builder().url(api.origin() + "/shipments").header("Idempotency-Key", key)
        .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(ApiClient.JSON))));
  }
}

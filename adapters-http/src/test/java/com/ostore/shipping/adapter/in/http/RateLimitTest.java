package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.RateLimit;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-credential limits on creating and cancelling: one caller cannot buy labels without bound. */
class RateLimitTest {
  private static final String SEED =
      "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}";
  private static final String SHOP = ApiKey.generate();
  private static final String WAREHOUSE = ApiKey.generate();

  private final MutableClock clock = new MutableClock(ShipmentTestData.T0);
  private final FakeShipping shipping = new FakeShipping();
  private final ApiSecurity security = new ApiSecurity(SecurityConfig.apiKeys(List.of(
          ApiKey.forKey("shop", SHOP, EnumSet.allOf(Scope.class)),
          ApiKey.forKey("warehouse", WAREHOUSE, EnumSet.allOf(Scope.class))))
      .withLimits(new RateLimit(2, Duration.ofHours(1)), new RateLimit(1, Duration.ofMinutes(1))), clock);

  @Test
  void givenACallerUsedUpItsCreations_thenTheNextIs429WithRetryAfterAndCreatesNothing() {
    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP,
        api -> IntStream.range(0, 3).mapToObj(i -> api.createShipment(SEED)).toList());

    assertThat(replies).extracting(ApiClient.Reply::status).containsExactly(201, 201, 429);
    assertThat(replies.get(2).header("Retry-After")).isEqualTo("1800");
    assertThat(replies.get(2).error()).isEqualTo("too many requests for this credential; retry after 1800 s");
    assertThat(shipping.created).hasSize(2);
  }

  @Test
  void oneCallersLimitLeavesOtherCallersAlone() {
    List<Integer> statuses = ApiClient.call(shipping.useCases(), security, SHOP, api -> List.of(
        api.createShipment(SEED).status(), api.createShipment(SEED).status(), api.createShipment(SEED).status(),
        api.as(WAREHOUSE).createShipment(SEED).status()));

    assertThat(statuses).containsExactly(201, 201, 429, 201);
  }

  @Test
  void theBucketRefillsAsTimePasses() {
    List<Integer> statuses = ApiClient.call(shipping.useCases(), security, SHOP, api -> {
      api.createShipment(SEED);
      api.createShipment(SEED);
      clock.advance(Duration.ofMinutes(30));
      return List.of(api.createShipment(SEED).status(), api.createShipment(SEED).status());
    });

    assertThat(statuses).containsExactly(201, 429);
  }

  @Test
  void cancellingHasItsOwnLimitAndReadsHaveNone() {
    shipping.store(aShipment().withId(1001).build());
    shipping.store(aShipment().withId(1002).build());

    List<ApiClient.Reply> replies = ApiClient.call(shipping.useCases(), security, SHOP, api -> {
      api.createShipment(SEED);
      api.createShipment(SEED);
      List<ApiClient.Reply> all = new ArrayList<>(List.of(api.post("/shipments/1001/cancel", "", ApiClient.JSON),
          api.post("/shipments/1002/cancel", "", ApiClient.JSON)));
      IntStream.range(0, 20).forEach(i -> all.add(api.get("/shipments/1001")));
      return all;
    });

    assertThat(replies.get(0).status()).isEqualTo(200);
    assertThat(replies.get(1).status()).isEqualTo(429);
    assertThat(replies.get(1).header("Retry-After")).isEqualTo("60");
    assertThat(replies.subList(2, replies.size())).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
  }
}

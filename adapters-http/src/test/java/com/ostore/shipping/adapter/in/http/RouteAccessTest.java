package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.auth.Access;
import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import com.ostore.shipping.domain.model.TrackingEventType;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route the router holds (read from the router itself, so a route added later is covered too),
 * called without a credential, with one that lacks the route's scope and with one that has exactly it,
 * in both modes: API keys, and JWTs checked against a local issuer's JWKS.
 */
class RouteAccessTest {
  private static final Clock CLOCK = Clock.fixed(TestIssuer.NOW, ZoneOffset.UTC);
  private static final TestIssuer ISSUER = new TestIssuer();
  private static final ParcelId PARCEL = ParcelId.of(100101);
  private static final Map<Set<Scope>, String> KEYS = new HashMap<>();
  private static final SecurityConfig KEY_SECURITY = keyConfig();

  enum Mode { API_KEY, JWT }

  /** A route as registered: method, path template and the access roles it declared. */
  record Route(String method, String path, Set<RouteRole> roles) {
    Scope scope() {
      return roles.stream().filter(Scope.class::isInstance).map(Scope.class::cast).findFirst().orElseThrow();
    }

    boolean isPublic() {
      return roles.contains(Access.PUBLIC);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  static List<Route> routes() {
    Javalin app = HttpApi.create(HttpConfig.onPort(0), new FakeShipping().useCases(),
        new ApiSecurity(SecurityConfig.disabledAuthentication(), CLOCK));
    List<Route> routes = new ArrayList<>();
    app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .forEach(endpoint -> routes.add(new Route(endpoint.method.name(), endpoint.path, roles(endpoint))));
    return routes;
  }

  static Stream<Arguments> protectedRoutesInEachMode() {
    return Stream.of(Mode.values()).flatMap(mode -> routes().stream().filter(route -> !route.isPublic())
        .map(route -> Arguments.of(mode, route)));
  }

  static Stream<Route> publicRoutes() {
    return routes().stream().filter(Route::isPublic);
  }

  @Test
  void onlyTheHealthProbesArePublicAndEveryOtherRouteNeedsExactlyOneScope() {
    List<Route> routes = routes();

    assertThat(routes).hasSizeGreaterThanOrEqualTo(8);
    assertThat(routes.stream().filter(Route::isPublic).map(Route::toString))
        .containsExactlyInAnyOrder("GET /health/live", "GET /health/ready");
    assertThat(routes.stream().filter(route -> !route.isPublic())).allSatisfy(route ->
        assertThat(route.roles()).as(route.toString()).hasSize(1).allMatch(Scope.class::isInstance));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("protectedRoutesInEachMode")
  void withoutACredentialEveryProtectedRouteIs401AndNothingRuns(Mode mode, Route route) {
    FakeShipping shipping = stocked();

    ApiClient.Reply reply = ApiClient.call(shipping.useCases(), security(mode), null, api -> send(api, route));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ostore-shipping\"");
    assertThat(reply.error()).startsWith("a credential is required");
    assertThat(shipping.created).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("protectedRoutesInEachMode")
  void withACredentialLackingTheRoutesScopeEveryProtectedRouteIs403(Mode mode, Route route) {
    FakeShipping shipping = stocked();
    Set<Scope> allButTheOne = EnumSet.complementOf(EnumSet.of(route.scope()));

    ApiClient.Reply reply = ApiClient.call(shipping.useCases(), security(mode), credential(mode, allButTheOne),
        api -> send(api, route));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
        .contains("scope=\"" + route.scope().wireName() + "\"");
    assertThat(reply.error()).isEqualTo("the credential does not grant " + route.scope().wireName());
    assertThat(shipping.created).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("protectedRoutesInEachMode")
  void withTheRoutesScopeEveryRouteAnswersExactlyAsItDoesWithoutAuthentication(Mode mode, Route route) {
    ApiClient.Reply unprotected = ApiClient.call(stocked().useCases(),
        new ApiSecurity(SecurityConfig.disabledAuthentication(), CLOCK), null, api -> send(api, route));

    ApiClient.Reply reply = ApiClient.call(stocked().useCases(), security(mode),
        credential(mode, EnumSet.of(route.scope())), api -> send(api, route));

    assertThat(reply.status()).isLessThan(300).isEqualTo(unprotected.status());
    assertThat(reply.body()).isEqualTo(unprotected.body());
    assertThat(reply.header("Location")).isEqualTo(unprotected.header("Location"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicRoutes")
  void theHealthProbesAnswerWithoutACredential(Route route) {
    ApiClient.Reply reply = ApiClient.call(stocked().useCases(), security(Mode.API_KEY), null, api -> send(api, route));

    assertThat(reply.status()).isEqualTo(200);
  }

  /** Every route of the fixture finds what it asks for, so "as before" means a success, not a 404. */
  private static FakeShipping stocked() {
    FakeShipping shipping = new FakeShipping();
    Shipment shipment = shipping.store(aShipment().withId(1001).withOrderId(123).build());
    ParcelId parcel = shipment.parcels().get(0).id();
    shipping.storeEvents(parcel, List.of(new TrackingEvent(TrackingEventId.of(1), parcel, TrackingEventType.IN_TRANSIT,
        OffsetDateTime.parse("2026-01-06T10:00:00-05:00"), "MEMPHIS, TN US", "IT", "In transit", Map.of())));
    shipping.storeLabel(parcel, new Label(LabelFormat.PDF, "%PDF-1.4 label".getBytes(StandardCharsets.US_ASCII)));
    return shipping;
  }

  private static ApiClient.Reply send(ApiClient api, Route route) {
    String path = route.path().replace("{shipmentID}", "1001").replace("{orderID}", "123")
        .replace("{packageID}", Long.toString(PARCEL.value())).replaceAll("\\{[^}]+}", "1");
    String body = route.path().equals("/shipments")
        ? "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}"
        : "";
    RequestBody requestBody = route.method().equals("GET") || route.method().equals("HEAD") ? null
        : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), okhttp3.MediaType.get(ApiClient.JSON));
    return api.send(new Request.Builder().url(api.origin() + path).method(route.method(), requestBody));
  }

  private static ApiSecurity security(Mode mode) {
    return new ApiSecurity(mode == Mode.API_KEY ? KEY_SECURITY : SecurityConfig.jwt(ISSUER.settings()), CLOCK);
  }

  private static String credential(Mode mode, Set<Scope> scopes) {
    if (mode == Mode.API_KEY) {
      return Optional.ofNullable(KEYS.get(scopes)).orElseThrow(() -> new IllegalStateException("no key for " + scopes));
    }
    return ISSUER.token(scopes.stream().map(Scope::wireName).collect(Collectors.joining(" ")));
  }

  /** One key per scope granting only it, and one per scope granting every other. */
  private static SecurityConfig keyConfig() {
    List<ApiKey> keys = new ArrayList<>();
    for (Scope scope : Scope.values()) {
      for (Set<Scope> grant : List.of(EnumSet.of(scope), EnumSet.complementOf(EnumSet.of(scope)))) {
        String key = ApiKey.generate();
        KEYS.put(Set.copyOf(grant), key);
        keys.add(ApiKey.forKey("key-" + keys.size(), key, grant));
      }
    }
    return SecurityConfig.apiKeys(keys);
  }

  private static Set<RouteRole> roles(Endpoint endpoint) {
    Roles roles = endpoint.metadata(Roles.class);
    return roles == null ? Set.of() : roles.getRoles();
  }
}

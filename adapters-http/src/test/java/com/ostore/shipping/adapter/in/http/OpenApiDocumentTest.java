package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.RateLimit;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.application.port.in.CheckHealthUseCase.Health;
import com.ostore.shipping.application.port.in.ShipmentNotCancellableException;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.port.out.StorageUnavailableException;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /openapi.json} is a valid OpenAPI 3.1 document that says what the router does: every route it
 * serves is documented, every documented operation is a route, and every documented status is one a
 * request in this test actually gets.
 */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final String READ_ONLY_KEY = ApiKey.generate();
  private static final String LABELS_ONLY_KEY = ApiKey.generate();
  /** Three callers with different scopes, and room for one create and one cancel each per hour. */
  private static final SecurityConfig LIMITED = SecurityConfig.apiKeys(List.of(
          ApiKey.forKey("full", ApiClient.FULL_ACCESS_KEY, EnumSet.allOf(Scope.class)),
          ApiKey.forKey("reader", READ_ONLY_KEY, EnumSet.of(Scope.SHIPMENTS_READ)),
          ApiKey.forKey("labeller", LABELS_ONLY_KEY, EnumSet.of(Scope.LABELS_READ))))
      .withLimits(new RateLimit(1, Duration.ofHours(1)), new RateLimit(1, Duration.ofHours(1)));
  private static final String CREATE = "{\"orderID\": 1, \"shippingAddress\": \"1 Main St, Springfield, US\"}";

  private final FakeShipping shipping = new FakeShipping();

  @Test
  void theDocumentServedIsAValidOpenApi31Document() throws IOException {
    ApiClient.Reply reply = call(api -> api.get("/openapi.json"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    Set<String> errors = openApiSchema().validate(new String(reply.bytes(), StandardCharsets.UTF_8), InputFormat.JSON)
        .stream().map(Error::toString).collect(Collectors.toSet());
    assertThat(errors).isEmpty();
    assertThat(reply.json().get("openapi").asText()).startsWith("3.1.");
  }

  @Test
  void theSchemaRefusesADocumentThatIsNotOpenApi31() throws IOException {
    assertThat(openApiSchema().validate("{\"openapi\": \"3.0.3\", \"paths\": {}}", InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void everyRouteOfTheRouterIsDocumentedAndEveryDocumentedOperationIsARoute() throws IOException {
    Javalin app = HttpApi.create(HttpConfig.onPort(0), shipping.useCases(),
        new ApiSecurity(ApiClient.TEST_SECURITY, Clock.systemUTC()));
    Set<String> routed = app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(entry -> entry.endpoint)
        .filter(endpoint -> METHODS.contains(endpoint.method.name().toLowerCase(Locale.ROOT)))
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(documentedOperations()).isEqualTo(routed);
    assertThat(routed.stream().map(route -> route.substring(route.indexOf(' ') + 1)).collect(Collectors.toSet()))
        .as("the route templates metrics and logs name requests by").isEqualTo(Routes.TEMPLATES);
    assertThat(routed).isNotEmpty().doesNotContain("BEFORE *");
  }

  @Test
  void everyDocumentedStatusIsOneARequestReaches() throws IOException {
    assertThat(new TreeSet<>(scenarios().keySet())).isEqualTo(documentedResponses());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioNames")
  void aDocumentedStatusIsReached(String response) {
    int expected = Integer.parseInt(response.substring(response.lastIndexOf(' ') + 1));

    ApiClient.Reply reply = scenarios().get(response).apply(this);

    assertThat(reply.status()).as(response + ": " + new String(reply.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(expected);
    if (expected >= 400 && !response.startsWith("GET /health/")) {
      assertThat(reply.error()).isNotBlank();
    }
  }

  static List<String> scenarioNames() {
    return new ArrayList<>(scenarios().keySet());
  }

  /** One request per documented response, keyed "METHOD path status". */
  private static Map<String, Function<OpenApiDocumentTest, ApiClient.Reply>> scenarios() {
    Map<String, Function<OpenApiDocumentTest, ApiClient.Reply>> s = new LinkedHashMap<>();
    s.put("POST /shipments 201", t -> t.call(api -> api.createShipment(CREATE)));
    s.put("POST /shipments 400", t -> t.call(api -> api.createShipment("{\"orderID\": 0}")));
    s.put("POST /shipments 413", t -> t.call(api -> api.createShipment("{\"x\": \"" + "y".repeat(70_000) + "\"}")));
    s.put("POST /shipments 415", t -> t.call(api -> api.post("/shipments", CREATE, "text/plain")));
    s.put("POST /shipments 500", t -> t.failing(new IllegalStateException("bug"), api -> api.createShipment(CREATE)));
    s.put("POST /shipments 503", t -> t.failing(outage(), api -> api.createShipment(CREATE)));
    s.put("GET /shipments/{shipmentID} 200", t -> t.stored(api -> api.get("/shipments/41")));
    s.put("GET /shipments/{shipmentID} 400", t -> t.call(api -> api.get("/shipments/abc")));
    s.put("GET /shipments/{shipmentID} 404", t -> t.call(api -> api.get("/shipments/404")));
    s.put("GET /shipments/{shipmentID} 500", t -> t.failing(new IllegalStateException("bug"), api -> api.get("/shipments/1")));
    s.put("GET /shipments/{shipmentID} 503", t -> t.failing(outage(), api -> api.get("/shipments/1")));
    s.put("POST /shipments/{shipmentID}/cancel 200", t -> t.stored(api -> api.post("/shipments/41/cancel", "", "application/json")));
    s.put("POST /shipments/{shipmentID}/cancel 400", t -> t.call(api -> api.post("/shipments/x/cancel", "", "application/json")));
    s.put("POST /shipments/{shipmentID}/cancel 404", t -> t.call(api -> api.post("/shipments/404/cancel", "", "application/json")));
    s.put("POST /shipments/{shipmentID}/cancel 409", t -> t.failing(new ShipmentNotCancellableException("on its way"),
        api -> api.post("/shipments/1/cancel", "", "application/json")));
    s.put("POST /shipments/{shipmentID}/cancel 500", t -> t.failing(new IllegalStateException("bug"),
        api -> api.post("/shipments/1/cancel", "", "application/json")));
    s.put("POST /shipments/{shipmentID}/cancel 503", t -> t.failing(outage(),
        api -> api.post("/shipments/1/cancel", "", "application/json")));
    s.put("GET /orders/{orderID}/shipments 200", t -> t.stored(api -> api.get("/orders/7/shipments?limit=1")));
    s.put("GET /orders/{orderID}/shipments 400", t -> t.call(api -> api.get("/orders/7/shipments?limit=0")));
    s.put("GET /orders/{orderID}/shipments 500", t -> t.failing(new IllegalStateException("bug"), api -> api.get("/orders/7/shipments")));
    s.put("GET /orders/{orderID}/shipments 503", t -> t.failing(outage(), api -> api.get("/orders/7/shipments")));
    s.put("GET /packages/{packageID}/events 200", t -> t.stored(api -> api.get("/packages/4101/events")));
    s.put("GET /packages/{packageID}/events 400", t -> t.call(api -> api.get("/packages/-1/events")));
    s.put("GET /packages/{packageID}/events 404", t -> t.call(api -> api.get("/packages/404/events")));
    s.put("GET /packages/{packageID}/events 500", t -> t.failing(new IllegalStateException("bug"), api -> api.get("/packages/1/events")));
    s.put("GET /packages/{packageID}/events 503", t -> t.failing(outage(), api -> api.get("/packages/1/events")));
    s.put("GET /packages/{packageID}/label 200", t -> t.labelled(api -> api.get("/packages/77/label")));
    s.put("GET /packages/{packageID}/label 400", t -> t.call(api -> api.get("/packages/0/label")));
    s.put("GET /packages/{packageID}/label 404", t -> t.call(api -> api.get("/packages/404/label")));
    s.put("GET /packages/{packageID}/label 500", t -> t.failing(new IllegalStateException("bug"), api -> api.get("/packages/1/label")));
    s.put("GET /packages/{packageID}/label 503", t -> t.failing(outage(), api -> api.get("/packages/1/label")));
    s.put("POST /shipments 422", t -> t.call(api -> {
      api.send(keyed(api, "k-1", CREATE));
      return api.send(keyed(api, "k-1", "{\"orderID\": 2, \"shippingAddress\": \"1 Main St, Springfield, US\"}"));
    }));
    s.put("POST /shipments 429", t -> t.limited(ApiClient.FULL_ACCESS_KEY, api -> {
      api.createShipment(CREATE);
      return api.createShipment(CREATE);
    }));
    s.put("POST /shipments/{shipmentID}/cancel 429", t -> t.stored(ApiClient.FULL_ACCESS_KEY, api -> {
      api.post("/shipments/41/cancel", "", "application/json");
      return api.post("/shipments/41/cancel", "", "application/json");
    }));
    for (String[] route : new String[][] {{"POST", "/shipments", "/shipments"}, {"GET", "/shipments/{shipmentID}",
        "/shipments/41"}, {"POST", "/shipments/{shipmentID}/cancel", "/shipments/41/cancel"},
        {"GET", "/orders/{orderID}/shipments", "/orders/7/shipments"}, {"GET", "/packages/{packageID}/events",
        "/packages/4101/events"}, {"GET", "/packages/{packageID}/label", "/packages/77/label"},
        {"GET", "/openapi.json", "/openapi.json"}}) {
      s.put(route[0] + " " + route[1] + " 401", t -> t.limited(null, api -> request(api, route[0], route[2])));
    }
    for (String[] route : new String[][] {{"POST", "/shipments", "/shipments"},
        {"POST", "/shipments/{shipmentID}/cancel", "/shipments/41/cancel"},
        {"GET", "/packages/{packageID}/label", "/packages/77/label"}}) {
      s.put(route[0] + " " + route[1] + " 403", t -> t.limited(READ_ONLY_KEY, api -> request(api, route[0], route[2])));
    }
    for (String[] route : new String[][] {{"GET", "/shipments/{shipmentID}", "/shipments/41"},
        {"GET", "/orders/{orderID}/shipments", "/orders/7/shipments"},
        {"GET", "/packages/{packageID}/events", "/packages/4101/events"}, {"GET", "/openapi.json", "/openapi.json"}}) {
      s.put(route[0] + " " + route[1] + " 403", t -> t.limited(LABELS_ONLY_KEY, api -> request(api, route[0], route[2])));
    }
    s.put("GET /health/live 200", t -> t.call(api -> api.get("/health/live")));
    s.put("GET /health/ready 200", t -> t.call(api -> api.get("/health/ready")));
    s.put("GET /health/ready 503", t -> {
      t.shipping.reportHealth(new Health(false, Map.of("database", "down")));
      return t.call(api -> api.get("/health/ready"));
    });
    s.put("GET /openapi.json 200", t -> t.call(api -> api.get("/openapi.json")));
    return s;
  }

  private static ApiClient.Reply request(ApiClient api, String method, String path) {
    return method.equals("POST") ? api.post(path, CREATE, "application/json") : api.get(path);
  }

  private static Request.Builder keyed(ApiClient api, String key, String body) {
    return new Request.Builder().url(api.origin() + "/shipments").header("Idempotency-Key", key)
        .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
  }

  private ApiClient.Reply limited(String credential, Function<ApiClient, ApiClient.Reply> exchange) {
    shipping.store(aShipment().withId(41).withOrderId(7).build());
    return ApiClient.call(shipping.useCases(), new ApiSecurity(LIMITED, Clock.systemUTC()), credential, exchange);
  }

  private ApiClient.Reply stored(String credential, Function<ApiClient, ApiClient.Reply> exchange) {
    return limited(credential, exchange);
  }

  private static StorageUnavailableException outage() {
    return new StorageUnavailableException("the database cannot be reached", null);
  }

  private ApiClient.Reply stored(Function<ApiClient, ApiClient.Reply> exchange) {
    shipping.store(aShipment().withId(41).withOrderId(7).build());
    return call(exchange);
  }

  private ApiClient.Reply labelled(Function<ApiClient, ApiClient.Reply> exchange) {
    shipping.storeLabel(ParcelId.of(77), new Label(LabelFormat.PDF, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    return call(exchange);
  }

  private ApiClient.Reply failing(RuntimeException failure, Function<ApiClient, ApiClient.Reply> exchange) {
    shipping.failWith(failure);
    return call(exchange);
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }

  private static Set<String> documentedOperations() throws IOException {
    Set<String> operations = new TreeSet<>();
    forEachOperation((operation, node) -> operations.add(operation));
    return operations;
  }

  private static Set<String> documentedResponses() throws IOException {
    Set<String> responses = new TreeSet<>();
    forEachOperation((operation, node) -> node.get("responses").fieldNames()
        .forEachRemaining(status -> responses.add(operation + " " + status)));
    return responses;
  }

  private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) throws IOException {
    JsonNode paths = JSON.readTree(OpenApiDocument.load()).get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fields().forEachRemaining(method -> {
        if (METHODS.contains(method.getKey())) {
          action.accept(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
        }
      });
    }
  }

  private static Schema openApiSchema() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }
}

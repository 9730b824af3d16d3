package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests against the running service and real PostgreSQL: each gets its status and a JSON
 * {@code {"error": ...}}, and none of them writes a single row.
 */
class ApiValidationIT {
  private static final int MAX_BODY = 2048;
  private static final String SEED_BODY =
      "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}";

  private static final String READER_KEY = ApiKey.generate();

  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of("MAX_REQUEST_BODY_BYTES", Integer.toString(MAX_BODY),
        "API_KEYS", sandbox.environment().get("API_KEYS") + ";reader:" + ApiKey.sha256Hex(READER_KEY)
            + ":shipments:read"));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
  }

  static Stream<Arguments> badCreateRequests() {
    return Stream.of(
        Arguments.of("malformed JSON", "application/json", "{\"orderID\": 123, \"shippingAddress\": ", 400),
        Arguments.of("orderID as text", "application/json",
            "{\"orderID\": \"abc\", \"shippingAddress\": \"123 Main St, City, Country\"}", 400),
        Arguments.of("negative orderID", "application/json",
            "{\"orderID\": -5, \"shippingAddress\": \"123 Main St, City, Country\"}", 400),
        Arguments.of("missing address", "application/json", "{\"orderID\": 123}", 400),
        Arguments.of("initial status shipped", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"shipped\"}",
            400),
        Arguments.of("unknown status name", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"teleported\"}",
            400),
        Arguments.of("unknown carrier", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"carrier\": \"dhl\"}", 400),
        Arguments.of("a Canadian address for USPS domestic labels", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"24 Sussex Drive, Ottawa, ON K1M 1M4, Canada\", \"carrier\": \"usps\"}",
            400),
        Arguments.of("a German address for FedEx without customs details", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": {\"streetLines\": [\"Unter den Linden 1\"], \"city\": \"Berlin\","
                + " \"postalCode\": \"10117\", \"country\": \"DEU\"}, \"carrier\": \"fedex\"}", 400),
        Arguments.of("weight 0", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"packages\": [{\"weight\": 0}]}",
            400),
        Arguments.of("body over MAX_REQUEST_BODY_BYTES", "application/json",
            "{\"orderID\": 123, \"shippingAddress\": \"" + "x".repeat(MAX_BODY) + "\"}", 413),
        Arguments.of("text/plain", "text/plain", SEED_BODY, 415));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("badCreateRequests")
  void aBadCreateRequestIsRefusedWithAJsonErrorAndWritesNothing(
      String problem, String contentType, String body, int expectedStatus) {
    Map<String, Long> before = database.rowCounts();

    HttpResponse<String> response = service.send(service.request("/shipments").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());

    assertJsonError(response, expectedStatus);
    assertThat(database.rowCounts()).isEqualTo(before);
  }

  static Stream<Arguments> protectedRequests() {
    return Stream.of(
        Arguments.of("POST", "/shipments", SEED_BODY),
        Arguments.of("GET", "/shipments/1", ""),
        Arguments.of("POST", "/shipments/1/cancel", ""),
        Arguments.of("GET", "/orders/123/shipments", ""),
        Arguments.of("GET", "/packages/1/events", ""),
        Arguments.of("GET", "/packages/1/label", ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRequests")
  void withoutACredentialEveryRouteIs401AndWritesNothing(String method, String path, String body) {
    Map<String, Long> before = database.rowCounts();

    HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri(path))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build());

    assertJsonError(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ostore-shipping\"");
    assertThat(database.rowCounts()).isEqualTo(before);
  }

  @Test
  void aKeyThatMayOnlyReadCannotCreateOrCancel() {
    Map<String, Long> before = database.rowCounts();

    HttpResponse<String> create = service.send(HttpRequest.newBuilder(service.uri("/shipments"))
        .header("Authorization", "Bearer " + READER_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(SEED_BODY)).build());
    HttpResponse<String> read = service.send(HttpRequest.newBuilder(service.uri("/shipments/999999"))
        .header("Authorization", "Bearer " + READER_KEY).GET().build());

    assertJsonError(create, 403);
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(database.rowCounts()).isEqualTo(before);
  }

  @Test
  void theHealthProbesNeedNoCredential() {
    HttpResponse<String> live = service.send(HttpRequest.newBuilder(service.uri("/health/live")).GET().build());

    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void aShipmentIdThatIsNotANumberIsABadRequest() {
    Map<String, Long> before = database.rowCounts();

    assertJsonError(service.get("/shipments/abc"), 400);
    assertThat(database.rowCounts()).isEqualTo(before);
  }

  @Test
  void anUnknownShipmentIsNotFoundInTheSeedsWords() throws IOException {
    HttpResponse<String> response = service.get("/shipments/999999");

    assertJsonError(response, 404);
    assertThat(ServiceUnderTest.json(response))
        .isEqualTo(ServiceUnderTest.JSON.readTree("{\"error\": \"Shipment not found\"}"));
  }

  @Test
  void theSeedsExampleRequestIsCreatedWithItsValuesEchoed() {
    Map<String, Long> before = database.rowCounts();

    HttpResponse<String> created = service.post("/shipments", SEED_BODY);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = ServiceUnderTest.json(created);
    assertThat(body.get("orderID").isIntegralNumber()).isTrue();
    assertThat(body.get("orderID").asLong()).isEqualTo(123);
    assertThat(body.get("shippingAddress").asText()).isEqualTo("123 Main St, City, Country");
    assertThat(body.get("shipmentStatus").asText()).isEqualTo("pending");
    long id = body.get("shipmentID").asLong();
    assertThat(service.getJson("/shipments/" + id).get("shippingAddress").asText())
        .isEqualTo("123 Main St, City, Country");
    assertThat(database.rowCounts()).containsEntry("shipments", before.get("shipments") + 1);
    // Let its background work settle, so the other tests in this class count rows that stay still.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !service
        .getJson("/shipments/" + id).get("shipmentStatus").asText().equals("pending"));
    await().atMost(Duration.ofSeconds(30)).until(() -> service.getJson("/health/ready")
        .at("/details/unsent_events").asLong() == 0);
  }

  private static void assertJsonError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = ServiceUnderTest.json(response);
    assertThat(body.get("error")).isNotNull();
    assertThat(body.get("error").isTextual()).isTrue();
    assertThat(body.get("error").asText()).isNotBlank();
  }
}

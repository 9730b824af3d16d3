package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At least 1,000 generated requests per endpoint against the running service and real PostgreSQL,
 * mostly malformed and mixed with valid ones: no 5xx ever, every refusal a JSON error with a message,
 * no row written by a refused request, and the valid requests still succeed. The seed is fixed
 * ({@code -Dhostile.seed=N} to try another); a failure names the seed and the request. Every request
 * carries the sandbox's key, which grants every scope: refusals for a missing or wrong credential are the
 * security tests' ({@code RouteAccessTest}, {@code ApiKeyAuthenticationTest}, {@code JwtAuthenticationTest}).
 */
class HostileInputIT {
  private static final int PER_ENDPOINT = 1_000;
  private static final long SEED = Long.getLong("hostile.seed", 20_261_130L);

  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static RowCounter rows;
  private static List<Long> shipmentIds;
  private static List<Long> packageIds;
  private static List<Long> labelledPackageIds;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    // Thousands of requests from one credential: the per-credential limits are the security tests' subject.
    service = ServiceUnderTest.start(sandbox, clock, Map.of("CREATE_RATE_LIMIT_CALLS", "1000000",
        "CANCEL_RATE_LIMIT_CALLS", "1000000"));
    rows = new RowCounter(sandbox.environment());
    HostileRequests valid = new HostileRequests(SEED);
    shipmentIds = new ArrayList<>();
    packageIds = new ArrayList<>();
    for (long order = 1; order <= 5; order++) {
      JsonNode created = ServiceUnderTest.json(service.post("/shipments", valid.validCreate(order)));
      shipmentIds.add(created.get("shipmentID").asLong());
      created.get("packages").forEach(p -> packageIds.add(p.get("packageID").asLong()));
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !service
        .getJson("/shipments/" + shipmentIds.get(0)).get("packages").get(0).path("labelUrl").isMissingNode());
    labelledPackageIds = List.of(service.getJson("/shipments/" + shipmentIds.get(0)).get("packages").get(0)
        .get("packageID").asLong());
  }

  @AfterAll
  static void stop() throws Exception {
    rows.close();
    service.close();
    sandbox.close();
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("POST /shipments", 1L),
        Arguments.of("GET /shipments/{shipmentID}", 2L),
        Arguments.of("POST /shipments/{shipmentID}/cancel", 3L),
        Arguments.of("GET /orders/{orderID}/shipments", 4L),
        Arguments.of("GET /packages/{packageID}/events", 5L),
        Arguments.of("GET /packages/{packageID}/label", 6L),
        Arguments.of("GET /health/live", 7L),
        Arguments.of("GET /health/ready", 8L),
        Arguments.of("GET /openapi.json", 9L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void generatedRequestsAreNeverA5xxRefusalsAreJsonAndWriteNothingAndValidOnesSucceed(String endpoint, long offset)
      throws Exception {
    long seed = SEED + offset;
    List<HostileRequests.Call> calls = calls(endpoint, new HostileRequests(seed));
    assertThat(calls).hasSizeGreaterThanOrEqualTo(PER_ENDPOINT);
    int refused = 0;

    for (int i = 0; i < calls.size(); i++) {
      HostileRequests.Call call = calls.get(i);
      String where = "seed " + seed + ", request " + i + " (" + call + ")";
      List<Long> before = rows.counts();

      HttpResponse<String> response;
      try {
        response = send(call);
      } catch (IOException e) {
        throw new AssertionError(where + " -> no answer: " + e, e);
      }

      assertThat(response.statusCode()).as(where + " -> " + response.body()).isLessThan(500);
      if (call.valid()) {
        assertSucceeded(endpoint, call, response, before, where);
      } else {
        refused++;
        assertThat(response.statusCode()).as(where + " -> " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(where).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        JsonNode error = ServiceUnderTest.json(response).get("error");
        assertThat(error).as(where).isNotNull();
        assertThat(error.asText()).as(where).isNotBlank().doesNotContain("Internal error").hasSizeLessThan(400);
        assertThat(rows.counts()).as(where + ": rows written by a refused request").isEqualTo(before);
      }
    }
    assertThat(refused).as("refused requests").isGreaterThanOrEqualTo(calls.size() / 2);
  }

  private static void assertSucceeded(String endpoint, HostileRequests.Call call, HttpResponse<String> response,
      List<Long> before, String where) {
    if (endpoint.equals("POST /shipments")) {
      assertThat(response.statusCode()).as(where + " -> " + response.body()).isEqualTo(201);
      assertThat(rows.counts().get(0)).as(where).isEqualTo(before.get(0) + 1);
    } else if (endpoint.endsWith("/cancel")) {
      // Cancelling again, or after the parcel left, is a refusal the caller can act on, not a failure.
      assertThat(response.statusCode()).as(where + " -> " + response.body()).isIn(200, 409);
    } else {
      assertThat(response.statusCode()).as(where + " -> " + response.body()).isEqualTo(200);
    }
  }

  private static List<HostileRequests.Call> calls(String endpoint, HostileRequests generate) {
    return switch (endpoint) {
      case "POST /shipments" -> generate.creates(PER_ENDPOINT, 10_000);
      case "GET /shipments/{shipmentID}" -> generate.idRoute(PER_ENDPOINT, "GET", "/shipments/{id}", shipmentIds, false);
      case "POST /shipments/{shipmentID}/cancel" ->
          generate.idRoute(PER_ENDPOINT, "POST", "/shipments/{id}/cancel", shipmentIds, false);
      case "GET /orders/{orderID}/shipments" ->
          generate.idRoute(PER_ENDPOINT, "GET", "/orders/{id}/shipments", List.of(1L, 2L, 3L, 777L), true);
      case "GET /packages/{packageID}/events" ->
          generate.idRoute(PER_ENDPOINT, "GET", "/packages/{id}/events", packageIds, true);
      case "GET /packages/{packageID}/label" ->
          generate.idRoute(PER_ENDPOINT, "GET", "/packages/{id}/label", labelledPackageIds, false);
      default -> generate.fixedRoute(PER_ENDPOINT, endpoint.substring("GET ".length()));
    };
  }

  private static HttpResponse<String> send(HostileRequests.Call call) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.server().port() + call.path())).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + sandbox.apiKey());
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(call.body()));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

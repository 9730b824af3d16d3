package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.testing.LogCapture;
import com.ostore.shipping.domain.port.out.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** What every route shares: JSON errors, request ids, the 500 path and the access log. */
class HttpApiBehaviourTest {
  private static final String SEED_REQUEST =
      "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}";

  private final FakeShipping shipping = new FakeShipping();

  @Test
  void anUnknownRouteIsA404InJson() {
    ApiClient.Reply reply = call(api -> api.get("/nowhere"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.error()).isEqualTo("Not found");
  }

  @Test
  void aWrongMethodOnAKnownRouteIsA405InJson() {
    ApiClient.Reply reply = call(api -> api.send(new Request.Builder().url(api.origin() + "/shipments/1").delete()));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.error()).isEqualTo("Method not allowed");
  }

  @Test
  void givenTheUseCaseBreaks_whenCalled_thenA500CarriesACorrelationIdThatIsLoggedWithTheStackTrace() {
    shipping.failWith(new IllegalStateException("connection pool exhausted at db-7.internal"));

    try (LogCapture log = LogCapture.of(ErrorMapper.class)) {
      ApiClient.Reply reply = call(api -> api.get("/shipments/1"));

      assertThat(reply.status()).isEqualTo(500);
      String correlationId = reply.json().get("correlationId").asText();
      assertThat(correlationId).matches("[0-9a-f-]{36}");
      assertThat(reply.error()).isEqualTo("Internal error");
      assertThat(reply.body()).doesNotContain("connection pool", "IllegalStateException", "at com.");
      assertThat(log.events()).singleElement().satisfies(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getFormattedMessage()).contains(correlationId);
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("connection pool exhausted at db-7.internal");
        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        assertThat(event.getMDCPropertyMap()).containsEntry("requestId", reply.header("X-Request-Id"))
            .containsEntry("shipmentId", "1");
      });
    }
  }

  @Test
  void givenTheDatabaseIsDown_whenCalled_thenA503WithRetryAfterSaysSoWithoutLeakingTheCause() {
    shipping.failWith(new StorageUnavailableException("the database cannot be reached: Connection to db-7:5432 refused",
        null));

    ApiClient.Reply reply = call(api -> api.get("/shipments/1"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("2");
    assertThat(reply.error()).isEqualTo("the database cannot be reached right now; nothing was changed, try again shortly");
  }

  @Test
  void everyFinishedRequestIsObservedByItsRouteTemplateNeverItsRawPath() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RequestObserver observer = (method, route, status, elapsed) -> seen.add(method + " " + route + " " + status);

    ApiClient.call(shipping.useCases(), observer, api -> api.get("/shipments/12345"));
    ApiClient.call(shipping.useCases(), observer, api -> api.get("/nowhere/12345"));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(seen)
        .containsExactly("GET /shipments/{shipmentID} 404", "GET unmatched 404"));
  }

  @Test
  void aPathJettyRefusesBeforeRoutingStillGetsAJsonError() {
    ApiClient.Reply reply = call(api -> api.get("/shipments/1%2F2"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.error()).isNotBlank();
  }

  @Test
  void everyResponseCarriesAGeneratedRequestIdWhenTheCallerSentNone() {
    ApiClient.Reply found = call(api -> api.get("/health/live"));
    ApiClient.Reply missing = call(api -> api.get("/nowhere"));

    assertThat(found.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(missing.header("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void theCallersRequestIdIsEchoedEvenOnErrors() {
    ApiClient.Reply reply = call(api -> api.send(new Request.Builder().url(api.origin() + "/shipments/abc")
        .header("X-Request-Id", "checkout-42.a")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("X-Request-Id")).isEqualTo("checkout-42.a");
  }

  @Test
  void anUnsafeRequestIdIsReplacedRatherThanEchoedIntoHeadersAndLogs() {
    ApiClient.Reply reply = call(api -> api.send(new Request.Builder().url(api.origin() + "/health/live")
        .header("X-Request-Id", "x\" onmouseover=alert(1) " + "y".repeat(200))));

    assertThat(reply.header("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void byDefault_onlyRefusedAndFailedRequestsAreLogged_andOffLogsNone() {
    try (LogCapture log = LogCapture.of("com.ostore.shipping.http.access")) {
      call(api -> api.createShipment(SEED_REQUEST));
      call(api -> api.get("/shipments/abc"));
      ApiClient.call(HttpConfig.onPort(0).withAccessLog(AccessLog.OFF), shipping.useCases(),
          api -> api.get("/shipments/abc"));

      assertThat(log.events()).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
          .matches("GET /shipments/abc 400 \\d+ms requestId=[0-9a-f-]{36}"));
    }
  }

  @Test
  void withAllRequests_eachRequestIsLoggedOnceWithMethodPathStatusAndDurationButNoBody() {
    try (LogCapture log = LogCapture.of("com.ostore.shipping.http.access")) {
      callLoggingAll(api -> api.createShipment(SEED_REQUEST));

      assertThat(log.events())
          .singleElement()
          .satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).matches("POST /shipments 201 \\d+ms requestId=[0-9a-f-]{36}");
          });
      assertThat(log.text()).doesNotContain("Main St");
    }
  }

  @Test
  void withAllRequests_underConcurrentRequestsEveryRequestGetsExactlyItsOwnAccessLineAndLogContext() {
    int threads = 8;
    int each = 12; // 96 creates: under the key's default limit of 120 a minute
    try (LogCapture log = LogCapture.of("com.ostore.shipping.http.access")) {
      List<String> answeredIds = ApiClient.call(HttpConfig.onPort(0).withAccessLog(AccessLog.ALL),
          shipping.useCases(), api -> {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          List<Future<List<String>>> callers = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            callers.add(pool.submit(() -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                ApiClient.Reply reply = api.createShipment(SEED_REQUEST);
                assertThat(reply.status()).isEqualTo(201);
                ids.add(reply.header("X-Request-Id"));
              }
              return ids;
            }));
          }
          List<String> ids = new ArrayList<>();
          for (Future<List<String>> caller : callers) {
            ids.addAll(caller.get());
          }
          return ids;
        } catch (InterruptedException | ExecutionException e) {
          throw new IllegalStateException(e);
        } finally {
          pool.shutdownNow();
        }
      });

      assertThat(answeredIds).hasSize(threads * each).doesNotHaveDuplicates();
      assertThat(log.events()).hasSize(threads * each).allSatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage()).matches("POST /shipments 201 \\d+ms requestId=[0-9a-f-]{36}");
        // The line and the log context name the same request, whichever thread wrote it.
        assertThat(event.getFormattedMessage()).endsWith("requestId=" + event.getMDCPropertyMap().get("requestId"));
        assertThat(event.getMDCPropertyMap()).containsEntry("orderId", "123");
      });
      assertThat(log.events()).extracting(event -> event.getMDCPropertyMap().get("requestId"))
          .containsExactlyInAnyOrderElementsOf(answeredIds);
    }
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }

  private ApiClient.Reply callLoggingAll(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(HttpConfig.onPort(0).withAccessLog(AccessLog.ALL), shipping.useCases(), exchange);
  }
}

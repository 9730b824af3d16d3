package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running service and comes back: meanwhile every API call is told so at once
 * (503 with Retry-After, never a 500 after a long wait), and afterwards the same service instance, never
 * restarted, creates shipments again.
 */
class DatabaseOutageIT {
  private static final String BODY =
      "{\"orderID\": 900, \"shippingAddress\": \"350 Fifth Avenue, New York, NY 10118, US\"}";
  /** The outage answer must come within a second: a call that takes longer fails on this timeout. */
  private static final Duration WITHIN_ONE_SECOND = Duration.ofSeconds(1);
  /** Calls while the database is up (the first ones also warm the service up). */
  private static final Duration PATIENT = Duration.ofSeconds(20);
  private static final HttpClient FAST = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private static Path dataDirectory;
  private static EmbeddedDatabase postgres;
  private static int port;
  private static Sandbox sandbox;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() throws IOException {
    dataDirectory = Files.createTempDirectory("outage-postgres");
    postgres = EmbeddedDatabase.startPersistent(dataDirectory, 0);
    port = postgres.port();
    DatabaseCoordinates database = postgres.createDatabase("outage");
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.aroundDatabase(database, clock, Duration.ofHours(6));
    service = ServiceUnderTest.start(sandbox, clock, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
    postgres.close();
  }

  @Test
  void whileTheDatabaseIsDownCallsAre503WithRetryAfterAndOnceItIsBackShipmentsAreCreatedAgain() throws Exception {
    assertThat(send(post(PATIENT)).statusCode()).isEqualTo(201);

    postgres.close();
    HttpResponse<String> create = send(post(WITHIN_ONE_SECOND));
    HttpResponse<String> read = send(get("/shipments/1", WITHIN_ONE_SECOND));
    HttpResponse<String> list = send(get("/orders/900/shipments", WITHIN_ONE_SECOND));
    HttpResponse<String> ready = send(get("/health/ready", PATIENT));

    for (HttpResponse<String> refused : List.of(create, read, list)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(ServiceUnderTest.json(refused).get("error").asText()).contains("database");
    }
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ServiceUnderTest.json(ready).at("/details/database").asText()).isEqualTo("down");

    postgres = EmbeddedDatabase.startPersistent(dataDirectory, port);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> send(post(PATIENT)).statusCode() == 201);
    assertThat(send(get("/health/ready", PATIENT)).statusCode()).isEqualTo(200);
    assertThat(ServiceUnderTest.json(send(get("/orders/900/shipments", PATIENT))).get("shipments"))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  private static HttpRequest post(Duration timeout) {
    return HttpRequest.newBuilder(uri("/shipments")).timeout(timeout).header("Authorization", "Bearer " + sandbox.apiKey())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
  }

  private static HttpRequest get(String path, Duration timeout) {
    return HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Authorization", "Bearer " + sandbox.apiKey())
        .GET().build();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.server().port() + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return FAST.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

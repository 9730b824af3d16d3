package com.ostore.shipping.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.bootstrap.ShipmentTrackingServer;
import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import com.ostore.shipping.bootstrap.local.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service started in this JVM against a sandbox, with an HTTP client speaking to it; every
 * request carries the sandbox's API key unless a test builds its own.
 */
final class ServiceUnderTest implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ShipmentTrackingServer server;
  private final String apiKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceUnderTest(ShipmentTrackingServer server, String apiKey) {
    this.server = server;
    this.apiKey = apiKey;
  }

  /** Test pacing: quick polling, no USPS hourly quota, a short lease; {@code overrides} win. */
  static Map<String, String> testEnvironment(Sandbox sandbox, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.putAll(Map.of(
        "PORT", "0",
        "POLL_INTERVAL", "100ms",
        "RELAY_INTERVAL", "100ms",
        "ALERT_CHECK_INTERVAL", "200ms",
        "USPS_RATE_LIMIT_CALLS", "1000000",
        "LABEL_WORKERS", "2",
        "TASK_LEASE", "1m",
        "TRACKING_INTERVAL", "1d",
        "TRACKING_SPREAD", "1h"));
    env.put("METRICS_PORT", "0");
    env.putAll(overrides);
    return env;
  }

  static ServiceUnderTest start(Sandbox sandbox, Clock clock, Map<String, String> overrides) {
    return new ServiceUnderTest(
        ShipmentTrackingServer.start(EnvironmentConfig.read(testEnvironment(sandbox, overrides), clock), clock),
        sandbox.apiKey());
  }

  ShipmentTrackingServer server() {
    return server;
  }

  HttpResponse<String> post(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A request to the service carrying the sandbox's API key. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + apiKey);
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode getJson(String path) {
    return json(get(path));
  }

  /** Creates a shipment and returns its id. */
  long createShipment(String body) {
    HttpResponse<String> response = post("/shipments", body);
    if (response.statusCode() != 201) {
      throw new AssertionError("expected 201 but got " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("shipmentID").asLong();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}

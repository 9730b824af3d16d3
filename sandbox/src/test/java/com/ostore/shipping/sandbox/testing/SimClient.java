package com.ostore.shipping.sandbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP calls to a simulator, as a carrier client would send them (no adapter in between). */
public final class SimClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final Map<String, String> headers = new LinkedHashMap<>();

  /** One answer: status, headers and body (parsed as JSON when it is JSON). */
  public record Answer(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String body() {
      return raw.body();
    }
  }

  public SimClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public SimClient header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Copies this client's headers (token, payment token) into another one. */
  public void headersInto(SimClient other) {
    headers.forEach(other::header);
  }

  public Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Answer postJson(String path, String body) {
    return send("POST", path, "application/json", body);
  }

  public Answer postForm(String path, String body) {
    return send("POST", path, "application/x-www-form-urlencoded", body);
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Real HTTP calls against the app under test, answering with status, headers and parsed JSON. */
final class ApiClient {
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client;

  ApiClient(HttpClient client) {
    this.client = client;
  }

  /** The answer as the caller sees it. */
  record Reply(int status, byte[] bytes, okhttp3.Headers headers) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String contentType() {
      return headers.get("Content-Type");
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String error() {
      return json().path("error").asText(null);
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  /** Starts the app on a free port, makes one exchange, stops it. */
  static Reply call(HttpUseCases useCases, Function<ApiClient, Reply> exchange) {
    AtomicReference<Reply> reply = new AtomicReference<>();
    JavalinTest.test(HttpApi.create(HttpConfig.onPort(0), useCases),
        (server, client) -> reply.set(exchange.apply(new ApiClient(client))));
    return reply.get();
  }

  String origin() {
    return client.getOrigin();
  }

  Reply createShipment(String json) {
    return post("/shipments", json, JSON);
  }

  Reply post(String path, String body, String contentType) {
    MediaType type = contentType == null ? null : MediaType.get(contentType);
    return send(new Request.Builder().url(client.getOrigin() + path).post(RequestBody.create(
        body.getBytes(StandardCharsets.UTF_8), type)));
  }

  Reply get(String path) {
    return send(new Request.Builder().url(client.getOrigin() + path).get());
  }

  Reply send(Request.Builder request) {
    try (Response response = client.request(request.build())) {
      return new Reply(response.code(), response.body().bytes(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Real HTTP calls against the app under test, answering with status, headers and parsed JSON. */
final class ApiClient {
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private final String origin;

  private ApiClient(String origin) {
    this.origin = origin;
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
    return call(useCases, RequestObserver.NONE, exchange);
  }

  /** As {@link #call(HttpUseCases, Function)}, with an observer of finished requests. */
  static Reply call(HttpUseCases useCases, RequestObserver observer, Function<ApiClient, Reply> exchange) {
    Javalin app = HttpApi.create(HttpConfig.onPort(0), useCases, observer).start(0);
    try {
      return exchange.apply(new ApiClient("http://localhost:" + app.port()));
    } finally {
      app.stop();
    }
  }

  String origin() {
    return origin;
  }

  Reply createShipment(String json) {
    return post("/shipments", json, JSON);
  }

  Reply post(String path, String body, String contentType) {
    MediaType type = contentType == null ? null : MediaType.get(contentType);
    return send(new Request.Builder().url(origin + path).post(RequestBody.create(
        body.getBytes(StandardCharsets.UTF_8), type)));
  }

  Reply get(String path) {
    return send(new Request.Builder().url(origin + path).get());
  }

  Reply send(Request.Builder request) {
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      return new Reply(response.code(), response.body().bytes(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

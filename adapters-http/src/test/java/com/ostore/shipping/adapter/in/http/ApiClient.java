package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Real HTTP calls against the app under test, answering with status, headers and parsed JSON. Unless a
 * test says otherwise, every request carries an API key that grants every scope.
 */
final class ApiClient {
  static final String JSON = "application/json";
  /** Generated for this test run; it grants every scope. */
  static final String FULL_ACCESS_KEY = ApiKey.generate();
  static final SecurityConfig TEST_SECURITY = SecurityConfig.apiKeys(
      List.of(ApiKey.forKey("test-client", FULL_ACCESS_KEY, EnumSet.allOf(Scope.class))));
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private final String origin;
  private final String credential;

  private ApiClient(String origin, String credential) {
    this.origin = origin;
    this.credential = credential;
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

  /** Starts the app on a free port, makes one exchange with full access, stops it. */
  static Reply call(HttpUseCases useCases, Function<ApiClient, Reply> exchange) {
    return call(useCases, new ApiSecurity(TEST_SECURITY, Clock.systemUTC()), FULL_ACCESS_KEY, exchange);
  }

  /** As above, telling {@code observer} about every finished request. */
  static Reply call(HttpUseCases useCases, RequestObserver observer, Function<ApiClient, Reply> exchange) {
    return call(useCases, new ApiSecurity(TEST_SECURITY, Clock.systemUTC()), FULL_ACCESS_KEY, observer, exchange);
  }

  /** As above, with the given security and credential ({@code null}: send none). */
  static <T> T call(HttpUseCases useCases, ApiSecurity security, String credential, Function<ApiClient, T> exchange) {
    return call(useCases, security, credential, RequestObserver.NONE, exchange);
  }

  private static <T> T call(HttpUseCases useCases, ApiSecurity security, String credential, RequestObserver observer,
      Function<ApiClient, T> exchange) {
    return call(HttpConfig.onPort(0), useCases, security, credential, observer, exchange);
  }

  /** As above, with full access and the given configuration (its port is ignored: a free one is used). */
  static <T> T call(HttpConfig config, HttpUseCases useCases, Function<ApiClient, T> exchange) {
    return call(config, useCases, new ApiSecurity(TEST_SECURITY, Clock.systemUTC()), FULL_ACCESS_KEY,
        RequestObserver.NONE, exchange);
  }

  private static <T> T call(HttpConfig config, HttpUseCases useCases, ApiSecurity security, String credential,
      RequestObserver observer, Function<ApiClient, T> exchange) {
    Javalin app = HttpApi.create(config, useCases, security, observer).start(0);
    try {
      return exchange.apply(new ApiClient("http://localhost:" + app.port(), credential));
    } finally {
      app.stop();
    }
  }

  /** The same server, another caller. */
  ApiClient as(String otherCredential) {
    return new ApiClient(origin, otherCredential);
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
    Request built = request.build();
    if (credential != null && built.header("Authorization") == null) {
      built = built.newBuilder().header("Authorization", "Bearer " + credential).build();
    }
    try (Response response = CLIENT.newCall(built).execute()) {
      return new Reply(response.code(), response.body().bytes(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.support.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Caches one project's OAuth token and fetches a new one shortly before it expires (by the injected
 * clock). Only one thread fetches at a time; the others wait for its token (FedEx throttles the token
 * endpoint per IP, so never fetch one per call).
 */
final class FedexTokenProvider {
  private record CachedToken(Secret value, Instant refreshAt) {}

  private final FedexHttp http;
  private final String tokenUrl;
  private final FedexCredentials credentials;
  private final Clock clock;
  private final Duration margin;
  private final ObjectMapper json;
  private final Object lock = new Object();
  private volatile CachedToken cached;

  FedexTokenProvider(FedexHttp http, String baseUrl, FedexCredentials credentials, Clock clock, Duration margin,
      ObjectMapper json) {
    this.http = http;
    this.tokenUrl = baseUrl + "/oauth/token";
    this.credentials = credentials;
    this.clock = clock;
    this.margin = margin;
    this.json = json;
  }

  Secret token() {
    CachedToken current = cached;
    if (isFresh(current)) {
      return current.value();
    }
    synchronized (lock) {
      current = cached;
      if (!isFresh(current)) {
        current = fetch();
        cached = current;
      }
      return current.value();
    }
  }

  /** Drops the token FedEx refused, unless another thread already replaced it. */
  void invalidate(Secret refused) {
    synchronized (lock) {
      if (cached != null && cached.value().equals(refused)) {
        cached = null;
      }
    }
  }

  /** The token request's form fields (client credentials grant). */
  static Map<String, String> formFields(FedexCredentials credentials) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", credentials.clientId());
    fields.put("client_secret", credentials.clientSecret().reveal());
    return fields;
  }

  private boolean isFresh(CachedToken token) {
    return token != null && clock.instant().isBefore(token.refreshAt());
  }

  private CachedToken fetch() {
    FormBody.Builder builder = new FormBody.Builder();
    formFields(credentials).forEach(builder::add);
    FormBody form = builder.build();
    Request request = new Request.Builder().url(tokenUrl).post(form).build();
    HttpResult result = http.send("FedEx token request", request, true);
    if (result.code() == 400 || result.code() == 401 || result.code() == 403) {
      // A refused client id or secret is the team's to fix, not any shipment's.
      throw FedexErrors.account("fedex:credentials", "FedEx token request failed with HTTP " + result.code() + ": "
          + FedexErrors.reason(readQuietly(result.body())), null);
    }
    if (!result.isSuccess()) {
      throw FedexErrors.unavailable("FedEx token request failed with HTTP " + result.code() + ": "
          + FedexErrors.reason(readQuietly(result.body())), http.waitAfter(result), null);
    }
    JsonNode body = readQuietly(result.body());
    String accessToken = body == null ? null : FedexErrors.text(body, "access_token");
    if (accessToken == null) {
      throw FedexErrors.malformed("FedEx token request", null, null);
    }
    long expiresIn = body.path("expires_in").asLong(3599);
    Instant refreshAt = clock.instant().plusSeconds(expiresIn).minus(margin);
    return new CachedToken(Secret.of(accessToken), refreshAt);
  }

  private JsonNode readQuietly(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.support.TokenCache;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * One project's OAuth token, cached ({@link TokenCache}) until shortly before it expires by the
 * injected clock; one thread fetches, the others wait for its token (FedEx throttles the token endpoint
 * per IP, so never fetch one per call). A refused client id or secret is our account's problem.
 */
final class FedexTokenProvider {
  private final FedexHttpClient http;
  private final String tokenUrl;
  private final FedexCredentials credentials;
  private final Clock clock;
  private final ObjectMapper json;
  private final TokenCache cache;

  FedexTokenProvider(FedexHttpClient http, String baseUrl, FedexCredentials credentials, Clock clock, Duration margin,
      ObjectMapper json) {
    this.http = http;
    this.tokenUrl = baseUrl + "/oauth/token";
    this.credentials = credentials;
    this.clock = clock;
    this.json = json;
    this.cache = new TokenCache(this::fetch, clock, margin);
  }

  Secret token() {
    return cache.get();
  }

  /** Drops the token FedEx refused, unless another thread already replaced it. */
  void invalidate(Secret refused) {
    cache.invalidate(refused);
  }

  /** The token request's form fields (client credentials grant). */
  static Map<String, String> formFields(FedexCredentials credentials) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", credentials.clientId());
    fields.put("client_secret", credentials.clientSecret().reveal());
    return fields;
  }

  private TokenCache.Issued fetch() {
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
    return new TokenCache.Issued(Secret.of(accessToken), clock.instant().plusSeconds(expiresIn));
  }

  private JsonNode readQuietly(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * OAuth 2.0 client-credentials tokens from {@code POST /oauth2/v3/token}, cached until shortly before
 * they expire. USPS sends {@code expires_in} as a string; a number is accepted too.
 */
final class UspsAccessTokens {
  private final UspsConfig config;
  private final UspsHttp http;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final SensitiveValues sensitive;
  private final UspsPolicy policy;
  private final TokenCache cache;

  UspsAccessTokens(UspsConfig config, UspsHttp http, UspsErrors errors, ObjectMapper json, SensitiveValues sensitive) {
    this.config = config;
    this.http = http;
    this.errors = errors;
    this.json = json;
    this.sensitive = sensitive;
    this.policy = new UspsPolicy("oauth", config.resilience(), null, config.rateLimits(), config.clock());
    this.cache = new TokenCache(() -> policy.call(this::issue), config.clock(), config.tokenRefreshMargin());
  }

  String current() {
    return cache.get();
  }

  void reject(String token) {
    cache.invalidate(token);
  }

  /** The token request's form fields (client credentials grant). */
  static Map<String, String> formFields(UspsConfig config) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", config.clientId());
    fields.put("client_secret", config.clientSecret().reveal());
    return fields;
  }

  private TokenCache.Issued issue() {
    FormBody.Builder form = new FormBody.Builder();
    formFields(config).forEach(form::add);
    Request request = new Request.Builder().url(config.baseUrl() + "/oauth2/v3/token").post(form.build()).build();
    UspsResponse response = http.send("oauth", request);
    if (response.status() == 400 || response.status() == 401) {
      // Wrong or revoked credentials: retrying now will not help, but fixing the config will.
      throw errors.account("usps:credentials", "USPS oauth HTTP " + response.status() + ": " + errors.describe(response));
    }
    if (!response.isSuccessful()) {
      throw errors.failure("oauth", response);
    }
    try {
      JsonNode body = json.readTree(response.body());
      String token = body.path("access_token").asText("");
      long seconds = Long.parseLong(body.path("expires_in").asText("").strip());
      if (token.isEmpty() || seconds <= 0) {
        throw new IllegalArgumentException("token response without access_token or expires_in");
      }
      sensitive.add(token);
      return new TokenCache.Issued(token, config.clock().instant().plus(Duration.ofSeconds(seconds)));
    } catch (Exception e) {
      throw new TransientUspsFailure("USPS oauth returned an unreadable token response", null, null);
    }
  }
}

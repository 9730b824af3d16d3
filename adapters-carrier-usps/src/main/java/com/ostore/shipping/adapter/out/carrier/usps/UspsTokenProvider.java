package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.support.TokenCache;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * OAuth 2.0 client-credentials tokens from {@code POST /oauth2/v3/token}, cached until shortly before
 * they expire. USPS sends {@code expires_in} as a string; a number is accepted too. A refused client id
 * or secret is our account's problem ({@code usps:credentials}).
 */
final class UspsTokenProvider {
  private final UspsConfig config;
  private final UspsHttpClient http;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final SensitiveValues sensitive;
  private final TokenCache cache;

  UspsTokenProvider(UspsConfig config, UspsHttpClient http, UspsErrors errors, ObjectMapper json,
      SensitiveValues sensitive) {
    this.config = config;
    this.http = http;
    this.errors = errors;
    this.json = json;
    this.sensitive = sensitive;
    this.cache = new TokenCache(this::issue, config.clock(), config.tokenRefreshMargin());
  }

  Secret token() {
    return cache.get();
  }

  void invalidate(Secret refused) {
    cache.invalidate(refused);
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
    HttpResult result = http.send(new Request.Builder().url(config.baseUrl() + "/oauth2/v3/token").post(form.build())
        .build());
    if (result.code() == 400 || result.code() == 401) {
      // Wrong or revoked credentials: retrying now will not help, but fixing the config will.
      throw errors.account("usps:credentials", "USPS oauth HTTP " + result.code() + ": " + errors.describe(result));
    }
    if (!result.isSuccess()) {
      throw errors.failure("oauth", result, http.waitAfter(result));
    }
    try {
      JsonNode body = json.readTree(result.body());
      String token = body.path("access_token").asText("");
      long seconds = Long.parseLong(body.path("expires_in").asText("").strip());
      if (token.isEmpty() || seconds <= 0) {
        throw new IllegalArgumentException("token response without access_token or expires_in");
      }
      sensitive.add(token);
      return new TokenCache.Issued(Secret.of(token), config.clock().instant().plus(Duration.ofSeconds(seconds)));
    } catch (Exception e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS oauth returned an unreadable token response", null,
          null, null);
    }
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.support.Secret;
import java.util.function.BiFunction;
import okhttp3.Request;

/**
 * Authorized calls to one USPS API. A 401 means the token expired early or was revoked: drop it, fetch
 * a new one and send the same call once more (nothing was processed, so this is safe for labels too).
 */
final class UspsApi {
  private final UspsHttpClient http;
  private final UspsTokenProvider tokens;
  private final UspsErrors errors;
  private final String baseUrl;

  UspsApi(UspsHttpClient http, UspsTokenProvider tokens, UspsErrors errors, String baseUrl) {
    this.http = http;
    this.tokens = tokens;
    this.errors = errors;
    this.baseUrl = baseUrl;
  }

  /** Sends the request built for this base URL and bearer token; the answer, whatever its status. */
  HttpResult exchange(BiFunction<String, Request.Builder, Request.Builder> request) {
    Secret token = tokens.token();
    HttpResult result = http.send(build(request, token));
    if (result.code() == 401) {
      tokens.invalidate(token);
      result = http.send(build(request, tokens.token()));
    }
    return result;
  }

  /** The port's exception for an answer that is not a success. */
  RuntimeException failure(HttpResult result) {
    return errors.failure(http.api(), result, http.waitAfter(result));
  }

  private Request build(BiFunction<String, Request.Builder, Request.Builder> request, Secret token) {
    return request.apply(baseUrl, new Request.Builder().header("Authorization", "Bearer " + token.reveal())).build();
  }
}

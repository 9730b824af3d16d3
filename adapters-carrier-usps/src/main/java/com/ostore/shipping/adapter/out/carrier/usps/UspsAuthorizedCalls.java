package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.function.Function;
import okhttp3.Request;

/**
 * Sends a request with the current bearer token; on 401 it drops that token, fetches a fresh one and
 * sends the request once more, because USPS may revoke a token before its stated expiry.
 */
final class UspsAuthorizedCalls {
  private final UspsHttp http;
  private final UspsAccessTokens tokens;

  UspsAuthorizedCalls(UspsHttp http, UspsAccessTokens tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  UspsResponse send(String api, Function<String, Request> requestWithToken) {
    String token = tokens.current();
    UspsResponse response = http.send(api, requestWithToken.apply(token));
    if (response.status() != 401) {
      return response;
    }
    tokens.reject(token);
    return http.send(api, requestWithToken.apply(tokens.current()));
  }

  static Request.Builder bearer(Request.Builder builder, String token) {
    return builder.header("Authorization", "Bearer " + token);
  }
}

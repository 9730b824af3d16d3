package com.ostore.shipping.sandbox.usps;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's OAuth server and payment authorizations: tokens that expire by the simulator clock. */
final class UspsSimAuth {
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final UspsSimCounters counters;
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> paymentTokens = new ConcurrentHashMap<>();
  private volatile Duration tokenLifetime = Duration.ofHours(8);

  UspsSimAuth(String clientId, String clientSecret, Clock clock, UspsSimCounters counters) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.counters = counters;
  }

  void tokenLifetime(Duration value) {
    tokenLifetime = value;
  }

  void revokeAll() {
    accessTokens.clear();
    paymentTokens.clear();
  }

  void issueToken(Context ctx) throws Exception {
    counters.tokenCalls.incrementAndGet();
    String id = ctx.formParam("client_id");
    String secret = ctx.formParam("client_secret");
    if (id == null && ctx.body().strip().startsWith("{")) {
      JsonNode body = UspsSimJson.JSON.readTree(ctx.body());
      id = body.path("client_id").asText(null);
      secret = body.path("client_secret").asText(null);
    }
    if (!clientId.equals(id) || !clientSecret.equals(secret)) {
      ctx.status(401).contentType("application/json").result("{\"error\":\"invalid_client\","
          + "\"error_description\":\"Client authentication failed.\","
          + "\"error_uri\":\"https://datatracker.ietf.org/doc/html/rfc6749#page-45\"}");
      return;
    }
    String token = "sim-at-" + UUID.randomUUID();
    accessTokens.put(token, clock.instant().plus(tokenLifetime));
    ctx.contentType("application/json").result(UspsSimJson.token(token, tokenLifetime, clock.instant()));
  }

  void issuePaymentToken(Context ctx) throws Exception {
    counters.paymentTokenCalls.incrementAndGet();
    JsonNode body = UspsSimJson.JSON.readTree(ctx.body());
    boolean payer = false;
    for (JsonNode role : body.path("roles")) {
      payer |= role.path("roleName").asText().equals("PAYER");
    }
    // The contract already holds a LABEL_OWNER; PAYER is required for labels paid from an account (160228).
    if (!payer) {
      ctx.status(400).contentType("application/json").result(UspsSimJson.error("/payments/v3", 400, "Bad Request",
          "160228", "Bad Request", "PAYER is required", "roles"));
      return;
    }
    String token = "sim-pay-" + UUID.randomUUID();
    paymentTokens.put(token, clock.instant().plus(Duration.ofHours(8)));
    ctx.contentType("application/json").result(UspsSimJson.JSON.createObjectNode()
        .put("paymentAuthorizationToken", token).set("roles", body.path("roles")).toString());
  }

  /** False (and a 401 written) when the call carries no valid bearer token. */
  boolean authorized(Context ctx, String api) {
    String header = ctx.header("Authorization");
    String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    return valid(accessTokens, token) || unauthorized(ctx, api, "Invalid or expired access token");
  }

  boolean paymentAuthorized(Context ctx) {
    return valid(paymentTokens, ctx.header("X-Payment-Authorization-Token"))
        || unauthorized(ctx, "/labels/v3", "Invalid or expired payment authorization token");
  }

  private boolean valid(Map<String, Instant> tokens, String token) {
    Instant expiry = token == null ? null : tokens.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private boolean unauthorized(Context ctx, String api, String detail) {
    counters.unauthorized.incrementAndGet();
    ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"USPS\"").contentType("application/json")
        .result(UspsSimJson.error(api, 401, "Unauthorized", null, "Unauthorized", detail, null));
    return false;
  }
}

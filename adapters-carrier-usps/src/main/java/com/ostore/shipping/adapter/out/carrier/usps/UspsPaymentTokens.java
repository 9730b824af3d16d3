package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The payment authorization token labels are bought with ({@code POST /payments/v3/payment-authorization},
 * PAYER and LABEL_OWNER roles). USPS honours it for 8 hours, so it is cached, never fetched per label.
 * A refusal (insufficient funds, an inactive account, a bad permit) is our account's problem, never a
 * shipment's: it leaves as a CarrierAccountException keyed {@code usps:payment:<code>}.
 */
final class UspsPaymentTokens {
  private static final MediaType JSON = MediaType.get("application/json");
  private final UspsConfig config;
  private final UspsAuthorizedCalls calls;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final SensitiveValues sensitive;
  private final UspsPolicy policy;
  private final TokenCache cache;

  UspsPaymentTokens(UspsConfig config, UspsAuthorizedCalls calls, UspsErrors errors, ObjectMapper json,
      SensitiveValues sensitive) {
    this.config = config;
    this.calls = calls;
    this.errors = errors;
    this.json = json;
    this.sensitive = sensitive;
    this.policy = new UspsPolicy("payments", config.resilience(), config.rateLimits().paymentCalls(), config.rateLimits(),
        config.clock());
    this.cache = new TokenCache(() -> policy.call(this::issue), config.clock(), config.tokenRefreshMargin());
  }

  String current() {
    return cache.get();
  }

  void reject(String token) {
    cache.invalidate(token);
  }

  private TokenCache.Issued issue() {
    String body = requestBody(config, json).toString();
    UspsResponse response = calls.send("payments", token -> UspsAuthorizedCalls.bearer(new Request.Builder(), token)
        .url(config.baseUrl() + "/payments/v3/payment-authorization")
        .post(RequestBody.create(body, JSON))
        .build());
    if (!response.isSuccessful()) {
      throw errors.failure("payments", response);
    }
    String token;
    try {
      JsonNode root = json.readTree(response.body());
      token = root.path("paymentAuthorizationToken").asText("");
    } catch (Exception e) {
      token = "";
    }
    if (token.isEmpty()) {
      throw new TransientUspsFailure("USPS payments returned no paymentAuthorizationToken", null, null);
    }
    sensitive.add(token);
    return new TokenCache.Issued(token, config.clock().instant().plus(config.paymentTokenLifetime()));
  }

  /** PAYER and LABEL_OWNER with the ids each needs; a PERMIT account is named by permit number and ZIP. */
  static ObjectNode requestBody(UspsConfig config, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    ArrayNode roles = root.putArray("roles");
    UspsPaymentAccount account = config.paymentAccount();
    for (String role : new String[] {"PAYER", "LABEL_OWNER"}) {
      ObjectNode node = roles.addObject()
          .put("roleName", role)
          .put("CRID", account.crid())
          .put("MID", account.mid())
          .put("manifestMID", account.manifestMid())
          .put("accountType", account.accountType().name());
      if (account.accountType() == UspsPaymentAccount.AccountType.PERMIT) {
        node.put("permitNumber", account.accountNumber()).put("permitZIP", account.permitZip());
      } else {
        node.put("accountNumber", account.accountNumber());
      }
    }
    return root;
  }
}

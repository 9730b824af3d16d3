package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.support.TokenCache;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The payment authorization token labels are bought with ({@code POST /payments/v3/payment-authorization},
 * PAYER and LABEL_OWNER roles). USPS honours it for 8 hours, so it is cached, never fetched per label.
 * A refusal (insufficient funds, an inactive account, a bad permit) is our account's problem, never a
 * shipment's: it leaves as a CarrierAccountException keyed {@code usps:payment:<code>}.
 */
final class UspsPaymentTokenProvider {
  private static final MediaType JSON = MediaType.get("application/json");
  private final UspsConfig config;
  private final UspsApi payments;
  private final ObjectMapper json;
  private final SensitiveValues sensitive;
  private final TokenCache cache;

  UspsPaymentTokenProvider(UspsConfig config, UspsApi payments, ObjectMapper json, SensitiveValues sensitive) {
    this.config = config;
    this.payments = payments;
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

  private TokenCache.Issued issue() {
    String body = requestBody(config, json).toString();
    HttpResult result = payments.exchange((baseUrl, request) -> request
        .url(baseUrl + "/payments/v3/payment-authorization")
        .post(RequestBody.create(body, JSON)));
    if (!result.isSuccess()) {
      throw payments.failure(result);
    }
    String token;
    try {
      token = json.readTree(result.body()).path("paymentAuthorizationToken").asText("");
    } catch (Exception e) {
      token = "";
    }
    if (token.isEmpty()) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS payments returned no paymentAuthorizationToken",
          null, null, null);
    }
    sensitive.add(token);
    return new TokenCache.Issued(Secret.of(token), config.clock().instant().plus(config.paymentTokenLifetime()));
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.support.Secret;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Authorized JSON calls to one FedEx project. A 401 means the token expired early or was revoked:
 * drop it, fetch a new one and send the same call once more (nothing was processed, so this is safe
 * even for create-shipment).
 */
final class FedexApi {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final FedexHttpClient http;
  private final FedexTokenProvider tokens;
  private final String baseUrl;
  private final ObjectMapper json;

  int remainingQuota() {
    return http.remainingQuota();
  }

  FedexApi(FedexHttpClient http, FedexTokenProvider tokens, String baseUrl, ObjectMapper json) {
    this.http = http;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.json = json;
  }

  /** Sends the call and returns FedEx's JSON answer, or throws the port's exception for its failure. */
  JsonNode call(Call call) {
    return read(call, exchange(call));
  }

  /**
   * Sends the call; an answer {@code expected} accepts (e.g. "not found" for a lookup) is empty, any
   * other failure throws the port's exception.
   */
  Optional<JsonNode> callExpecting(Call call, Predicate<HttpResult> expected) {
    HttpResult result = exchange(call);
    return !result.isSuccess() && expected.test(result) ? Optional.empty() : Optional.of(read(call, result));
  }

  private HttpResult exchange(Call call) {
    Secret token = tokens.token();
    HttpResult result = send(call, token);
    if (result.code() == 401) {
      tokens.invalidate(token);
      result = send(call, tokens.token());
    }
    return result;
  }

  private JsonNode read(Call call, HttpResult result) {
    if (!result.isSuccess()) {
      throw FedexErrors.fromResponse(call.operation(), result, http.waitAfter(result));
    }
    try {
      JsonNode body = json.readTree(result.body());
      if (body == null || !body.isObject()) {
        throw FedexErrors.malformed(call.operation(), null, null);
      }
      return body;
    } catch (JsonProcessingException e) {
      throw FedexErrors.malformed(call.operation(), null, e);
    }
  }

  private HttpResult send(Call call, Secret token) {
    String body;
    try {
      body = json.writeValueAsString(call.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write FedEx request", e);
    }
    Request.Builder request = new Request.Builder()
        .url(baseUrl + call.path())
        .header("Authorization", "Bearer " + token.reveal())
        .header("x-locale", "en_US")
        .method(call.method(), RequestBody.create(body, JSON_TYPE));
    if (call.customerTransactionId() != null) {
      request.header("x-customer-transaction-id", call.customerTransactionId());
    }
    return http.send(call.operation(), request.build(), call.safeToRepeat());
  }

  /** One FedEx operation: what it is called in messages, how it is sent and whether it may be repeated. */
  record Call(String operation, String method, String path, JsonNode body, String customerTransactionId,
      boolean safeToRepeat) {}
}

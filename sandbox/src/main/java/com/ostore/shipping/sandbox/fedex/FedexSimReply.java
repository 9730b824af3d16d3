package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP status and FedEx-shaped JSON body. */
record FedexSimReply(int status, JsonNode body) {
  static FedexSimReply ok(JsonNode body) {
    return new FedexSimReply(200, body);
  }

  static FedexSimReply badRequest(String code, String message) {
    return new FedexSimReply(400, FedexSimJson.error(code, message));
  }
}

package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import java.util.List;

/** An HTTP status and FedEx-shaped JSON body. */
record FedexSimReply(int status, JsonNode body) {
  static FedexSimReply ok(JsonNode body) {
    return new FedexSimReply(200, body);
  }

  /**
   * A request the published contract refuses. FedEx answers invalid input with HTTP 400 and one
   * {@code errors[]} entry per problem; the code is the one FedEx uses for field values it cannot
   * accept, and {@code parameterList} names the field and the rule (the envelope is the documented
   * {@code ErrorResponseVO}; sandbox README "FedEx simulator").
   */
  static FedexSimReply invalid(List<ContractViolation> violations) {
    ContractViolation first = violations.get(0);
    if (first.location().equals("/trackingInfo") && first.keyword().equals("minItems")) {
      return badRequest("TRACKING.TRACKINGNUMBER.EMPTY", "Please provide tracking number.");
    }
    if (first.location().equals("/trackingInfo") && first.keyword().equals("maxItems")) {
      return badRequest("TRACKING.TRACKINGNUMBER.LIMIT.EXCEEDED", "Tracking number limit exceeded. Maximum limit is 30.");
    }
    return new FedexSimReply(400, FedexSimJson.invalidInput(violations));
  }

  static FedexSimReply badRequest(String code, String message) {
    return new FedexSimReply(400, FedexSimJson.error(code, message));
  }
}

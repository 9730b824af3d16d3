package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** FedEx-shaped JSON bodies: the error envelope and Track API results. */
final class FedexSimJson {
  static final String INVALID_INPUT = "INVALID.INPUT.EXCEPTION";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter SCAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private FedexSimJson() {}

  static ObjectNode envelope() {
    return NODES.objectNode().put("transactionId", UUID.randomUUID().toString());
  }

  static ObjectNode error(String code, String message) {
    ObjectNode body = envelope();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    return body;
  }

  static ObjectNode invalidInput(List<ContractViolation> violations) {
    ObjectNode body = envelope();
    ArrayNode errors = body.putArray("errors");
    for (ContractViolation violation : violations) {
      ObjectNode error = errors.addObject().put("code", INVALID_INPUT).put("message", "Invalid field value in the input");
      error.putArray("parameterList").addObject().put("key", violation.location()).put("value", violation.message());
    }
    return body;
  }

  static ObjectNode trackResult(SimulatedPackage pkg, List<SimulatedPackage.Scan> scans, ZoneOffset offset) {
    ObjectNode result = NODES.objectNode();
    result.putObject("trackingNumberInfo").put("trackingNumber", pkg.trackingNumber)
        .put("trackingNumberUniqueId", "12028~" + pkg.trackingNumber + "~FDEG").put("carrierCode", "FDXG");
    ArrayNode identifiers = result.putObject("additionalTrackingInfo").putArray("packageIdentifiers");
    identifiers.addObject().put("type", "CUSTOMER_REFERENCE").put("value", pkg.reference);
    if (!scans.isEmpty()) {
      SimulatedPackage.Scan latest = scans.get(0);
      ObjectNode status = result.putObject("latestStatusDetail").put("code", latest.code())
          .put("derivedCode", latest.derivedCode()).put("statusByLocale", latest.derivedStatus())
          .put("description", latest.description());
      status.set("scanLocation", location(latest));
    }
    ArrayNode events = result.putArray("scanEvents");
    for (SimulatedPackage.Scan scan : scans) {
      ObjectNode event = events.addObject()
          .put("date", SCAN_TIME.format(scan.at().atOffset(offset)))
          .put("eventType", scan.code())
          .put("eventDescription", scan.description())
          .put("derivedStatusCode", scan.derivedCode())
          .put("derivedStatus", scan.derivedStatus());
      event.set("scanLocation", location(scan));
      if ("DE".equals(scan.code()) || "SE".equals(scan.code())) {
        event.put("exceptionCode", "08").put("exceptionDescription", scan.description());
      }
    }
    return result;
  }

  static ObjectNode notFound(String trackingNumber) {
    ObjectNode result = NODES.objectNode();
    result.putObject("trackingNumberInfo").put("trackingNumber", trackingNumber)
        .put("trackingNumberUniqueId", "").put("carrierCode", "");
    result.putObject("error").put("code", "TRACKING.TRACKINGNUMBER.NOTFOUND")
        .put("message", "Tracking number cannot be found. Please correct the tracking number and try again.");
    return result;
  }

  private static ObjectNode location(SimulatedPackage.Scan scan) {
    ObjectNode location = NODES.objectNode();
    location.putArray("streetLines").add("");
    location.put("city", scan.city()).put("stateOrProvinceCode", scan.state()).put("postalCode", scan.postalCode())
        .put("countryCode", scan.country()).put("residential", false);
    return location;
  }
}

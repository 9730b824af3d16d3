package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Track by tracking numbers (at most 30 per call) and by customer reference. */
final class FedexSimTracking {
  private final FedexSimulator sim;

  FedexSimTracking(FedexSimulator sim) {
    this.sim = sim;
  }

  /** The body has passed the contract check, so it holds 1 to 30 numbers. */
  FedexSimReply byNumbers(JsonNode body) {
    JsonNode infos = body.path("trackingInfo");
    sim.counters.trackCalls.incrementAndGet();
    sim.counters.numbersTracked.addAndGet(infos.size());
    ObjectNode reply = FedexSimJson.envelope();
    ArrayNode complete = reply.putObject("output").putArray("completeTrackResults");
    Instant now = sim.settings.clock().instant();
    for (JsonNode info : infos) {
      String number = info.path("trackingNumberInfo").path("trackingNumber").asText("");
      SimulatedPackage pkg = sim.packages.get(number);
      ObjectNode entry = complete.addObject().put("trackingNumber", number);
      entry.putArray("trackResults").add(pkg == null ? FedexSimJson.notFound(number)
          : FedexSimJson.trackResult(pkg, pkg.scans(now, sim.settings.stageDuration()), sim.settings.scanOffset()));
    }
    return FedexSimReply.ok(reply);
  }

  FedexSimReply byReference(JsonNode body) {
    sim.counters.referenceLookups.incrementAndGet();
    String reference = body.path("referencesInformation").path("value").asText("");
    List<SimulatedPackage> matches = sim.packages.values().stream()
        .filter(pkg -> !reference.isEmpty() && pkg.reference.equals(reference)).toList();
    ObjectNode reply = FedexSimJson.envelope();
    ArrayNode complete = reply.putObject("output").putArray("completeTrackResults");
    if (matches.isEmpty() && sim.unknownReferenceAs404) {
      return new FedexSimReply(404, FedexSimJson.error("NOT.FOUND.ERROR",
          "The resource you requested is no longer available. Please modify your request and try again."));
    }
    if (matches.isEmpty()) {
      ObjectNode missing = complete.addObject().put("trackingNumber", "");
      missing.putArray("trackResults").addObject().putObject("error")
          .put("code", "TRACKING.REFERENCENUMBER.NOTFOUND")
          .put("message", "Reference number cannot be found. Please correct the reference number and try again.");
      return FedexSimReply.ok(reply);
    }
    Instant now = sim.settings.clock().instant();
    for (SimulatedPackage pkg : matches) {
      complete.addObject().put("trackingNumber", pkg.trackingNumber).putArray("trackResults")
          .add(FedexSimJson.trackResult(pkg, pkg.scans(now, sim.settings.stageDuration()), sim.settings.scanOffset()));
    }
    return FedexSimReply.ok(reply);
  }
}

package com.ostore.shipping.sandbox.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * v3r2 {@code POST /tracking/v3r2/tracking} (at most 35 numbers, checked by the contract; 200 when all
 * are known, 207 when some are, 404 in USPS's envelope when none is) and legacy
 * {@code GET /tracking/v3/tracking/{n}}. v3r2 can be switched off (the gateway's own 404, or an
 * OASValidation 400 on the request shape) to exercise a client's fallback.
 */
final class UspsSimTracking {
  private static final String NOT_FOUND =
      "The tracking number may be incorrect or the status update is not yet available. "
          + "Please verify your tracking number and try again later.";
  private final UspsSimParcels parcels;
  private final UspsSimCounters counters;
  private final Clock clock;
  private volatile Duration step = Duration.ofHours(12);
  private volatile boolean v3r2Enabled = true;
  private volatile boolean v3r2RejectsShape;

  UspsSimTracking(UspsSimParcels parcels, UspsSimCounters counters, Clock clock) {
    this.parcels = parcels;
    this.counters = counters;
    this.clock = clock;
  }

  void step(Duration value) {
    step = value;
  }

  void v3r2(boolean enabled, boolean rejectsShape) {
    v3r2Enabled = enabled;
    v3r2RejectsShape = rejectsShape;
  }

  void batch(Context ctx) throws Exception {
    if (!v3r2Enabled) {
      // The API gateway's own answer for a product the app has no access to, not USPS's error envelope.
      ctx.status(404).contentType("application/json").result("{\"fault\":{\"faultstring\":\"Unable to identify "
          + "proxy for host: secure and url: /tracking/v3r2/tracking\",\"detail\":{\"errorcode\":"
          + "\"messaging.adaptors.http.flow.ApplicationNotFound\"}}}");
      return;
    }
    if (v3r2RejectsShape) {
      ctx.status(400).contentType("application/json").result("{\"fault\":{\"faultstring\":\"OASValidation "
          + "tracking-v3r2 with resource \\\"oas://tracking.yaml\\\": failed with reason: request body\","
          + "\"detail\":{\"errorcode\":\"steps.oasvalidation.Failed\"}}}");
      return;
    }
    JsonNode request = UspsSimJson.JSON.readTree(ctx.body());
    counters.trackingCalls.incrementAndGet();
    counters.numbersTracked.addAndGet(request.size());
    ArrayNode answer = UspsSimJson.JSON.createArrayNode();
    boolean allFound = true;
    for (JsonNode item : request) {
      String number = item.path("trackingNumber").asText().toUpperCase(Locale.ROOT);
      Optional<ObjectNode> detail = detail(number);
      allFound &= detail.isPresent();
      answer.add(detail.map(d -> d.put("statusCode", "200")).orElseGet(() -> notFound(number)));
    }
    if (allFound) {
      answer.forEach(node -> ((ObjectNode) node).remove("statusCode"));
    }
    if (answer.size() > 0 && noneFound(answer)) {
      // None of them known: one 404 in USPS's envelope for the whole request.
      ctx.status(404).contentType("application/json").result(UspsSimJson.error("/tracking/v3r2", 404, "Not Found",
          "150002", "Not Found", NOT_FOUND, "trackingNumber"));
      return;
    }
    ctx.status(allFound ? 200 : 207).contentType("application/json").result(answer.toString());
  }

  void single(Context ctx) {
    counters.legacyTrackingCalls.incrementAndGet();
    counters.numbersTracked.incrementAndGet();
    String number = ctx.pathParam("trackingNumber").toUpperCase(Locale.ROOT);
    Optional<ObjectNode> detail = detail(number);
    if (detail.isEmpty()) {
      ctx.status(400).contentType("application/json").result(UspsSimJson.error("/tracking/v3", 400,
          "Bad Request", "150002", "BAD_REQUEST", NOT_FOUND, "trackingNumber"));
      return;
    }
    ctx.contentType("application/json").result(detail.get().toString());
  }

  private static boolean noneFound(ArrayNode answer) {
    for (JsonNode node : answer) {
      if (!"404".equals(node.path("statusCode").asText())) {
        return false;
      }
    }
    return true;
  }

  private Optional<ObjectNode> detail(String number) {
    return parcels.find(number)
        .map(parcel -> UspsSimJson.detail(number, UspsSimParcels.scans(parcel, clock.instant(), step)));
  }

  private static ObjectNode notFound(String number) {
    ObjectNode node = UspsSimJson.JSON.createObjectNode().put("statusCode", "404").put("trackingNumber", number);
    node.setAll((ObjectNode) readQuietly(UspsSimJson.error("/tracking/v3r2", 404, "Not Found", "150002",
        "Not Found", NOT_FOUND, "trackingNumber")));
    return node;
  }

  private static JsonNode readQuietly(String json) {
    try {
      return UspsSimJson.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

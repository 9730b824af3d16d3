package com.ostore.shipping.sandbox.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /labels/v3/label} and {@code DELETE /labels/v3/label/{n}}: sells 22-digit 9400... labels,
 * replays a known X-Idempotency-Key without charging, refuses invalid addresses and weights with USPS's
 * error envelope, and answers multipart or JSON as the Accept header asks.
 */
final class UspsSimLabels {
  private static final String API = "/labels/v3";
  private final UspsSimParcels parcels;
  private final UspsSimCounters counters;
  private final Clock clock;

  UspsSimLabels(UspsSimParcels parcels, UspsSimCounters counters, Clock clock) {
    this.parcels = parcels;
    this.counters = counters;
    this.clock = clock;
  }

  void create(Context ctx) throws Exception {
    JsonNode body = UspsSimJson.JSON.readTree(ctx.body());
    JsonNode to = body.path("toAddress");
    JsonNode pkg = body.path("packageDescription");
    String problem = problem(to, pkg, body.path("fromAddress"));
    if (problem != null) {
      counters.labelsRejected.incrementAndGet();
      String code = problem.startsWith("Address") ? "010001" : "160002";
      String parameter = problem.startsWith("Address") ? "toAddress" : "packageDescription";
      ctx.status(400).contentType("application/json")
          .result(UspsSimJson.error(API, 400, "Bad Request", code, "Bad Request", problem, parameter));
      return;
    }
    ObjectNode comparable = ((ObjectNode) body.deepCopy());
    ((ObjectNode) comparable.path("packageDescription")).remove("mailingDate");
    String zip = to.path("ZIPCode").asText();
    Optional<UspsSimParcels.Purchase> purchase = parcels.buy(ctx.header("X-Idempotency-Key"), comparable.toString(),
        clock.instant(), to.path("city").asText().toUpperCase(Locale.ROOT), to.path("state").asText(), zip);
    if (purchase.isEmpty()) {
      counters.labelsRejected.incrementAndGet();
      ctx.status(400).contentType("application/json").result(UspsSimJson.error(API, 400, "Bad Request", null,
          "Bad Request", "X-Idempotency-Key was already used with a different request", "X-Idempotency-Key"));
      return;
    }
    (purchase.get().replay() ? counters.idempotentReplays : counters.labelsCharged).incrementAndGet();
    String number = purchase.get().parcel().trackingNumber();
    ObjectNode metadata = UspsSimJson.metadata(number, zip, clock.instant());
    byte[] image = UspsSimJson.image(body.path("imageInfo").path("imageType").asText("PDF"), number);
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("application/vnd.usps.labels+json")) {
      ctx.contentType("application/vnd.usps.labels+json").result(UspsSimJson.json(metadata, image));
    } else {
      ctx.contentType("multipart/form-data; boundary=" + UspsSimJson.BOUNDARY)
          .result(UspsSimJson.multipart(metadata, image));
    }
  }

  void cancel(Context ctx) {
    String number = ctx.pathParam("trackingNumber");
    if (!parcels.cancel(number)) {
      ctx.status(400).contentType("application/json").result(UspsSimJson.error(API, 400, "Bad Request", "00000XX",
          "Bad Request", "Order not found", "trackingNumber"));
      return;
    }
    counters.cancels.incrementAndGet();
    ctx.contentType("application/json").result(UspsSimJson.JSON.createObjectNode()
        .put("trackingNumber", number).put("status", "CANCELED").toString());
  }

  private static String problem(JsonNode to, JsonNode pkg, JsonNode from) {
    for (String field : new String[] {"streetAddress", "city", "state", "ZIPCode"}) {
      if (to.path(field).asText("").isBlank() || from.path(field).asText("").isBlank()) {
        return "Address Not Found: " + field + " is required";
      }
    }
    String street = to.path("streetAddress").asText().toUpperCase(Locale.ROOT);
    String zip = to.path("ZIPCode").asText();
    if (street.contains("INVALID") || zip.equals("00000") || !zip.matches("\\d{5}")) {
      return "Address Not Found.";
    }
    double weight = pkg.path("weight").asDouble(0);
    if (weight <= 0 || weight > 70) {
      return "Weight must be greater than 0 and at most 70 lb for " + pkg.path("mailClass").asText("this mail class");
    }
    for (String field : new String[] {"mailClass", "rateIndicator", "processingCategory", "mailingDate"}) {
      if (pkg.path(field).asText("").isBlank()) {
        return "packageDescription." + field + " is required";
      }
    }
    return null;
  }
}

package com.ostore.shipping.sandbox.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /labels/v3/label}, {@code DELETE /labels/v3/label/{n}} and {@code DELETE /labels/v3/label}
 * (by X-Idempotency-Key): sells 22-digit 9400... labels, replays a known key sent with the same body
 * without charging, refuses a mailing date in the past or over 45 days ahead, invalid addresses and
 * weights with USPS's error envelope, and answers multipart or JSON as the Accept header asks. The
 * body has already passed the published contract.
 */
final class UspsSimLabels {
  private static final String API = "/labels/v3";
  private final UspsSimParcels parcels;
  private final UspsSimCounters counters;
  private final Clock clock;
  private volatile ZoneId mailingZone = ZoneId.of("America/New_York");

  UspsSimLabels(UspsSimParcels parcels, UspsSimCounters counters, Clock clock) {
    this.parcels = parcels;
    this.counters = counters;
    this.clock = clock;
  }

  void mailingZone(ZoneId zone) {
    mailingZone = zone;
  }

  void create(Context ctx) throws Exception {
    JsonNode body = UspsSimJson.JSON.readTree(ctx.body());
    JsonNode to = body.path("toAddress");
    JsonNode pkg = body.path("packageDescription");
    Optional<String[]> problem = mailingDateProblem(pkg).or(() -> problem(to, pkg));
    if (problem.isPresent()) {
      refuse(ctx, problem.get());
      return;
    }
    String zip = to.path("ZIPCode").asText();
    String reference = pkg.path("customerReference").path(0).path("referenceNumber").asText("");
    Optional<UspsSimParcels.Purchase> purchase = parcels.buy(ctx.header("X-Idempotency-Key"),
        UspsSimJson.JSON.writeValueAsString(body), clock.instant(), to.path("city").asText().toUpperCase(Locale.ROOT),
        to.path("state").asText(), zip, reference);
    if (purchase.isEmpty()) {
      refuse(ctx, new String[] {null, "X-Idempotency-Key", "X-Idempotency-Key was already used with a different request"});
      return;
    }
    (purchase.get().replay() ? counters.idempotentReplays : counters.labelsCharged).incrementAndGet();
    String number = purchase.get().parcel().trackingNumber();
    ObjectNode metadata = UspsSimJson.metadata(number, zip, clock.instant());
    byte[] image = UspsSimJson.image(body.path("imageInfo").path("imageType").asText("PDF"), number, addressee(to));
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
    answerVoid(ctx, number, parcels.cancel(number));
  }

  void cancelByKey(Context ctx) {
    String key = ctx.header("X-Idempotency-Key");
    String number = key == null ? null : parcels.trackingNumberOf(key);
    UspsSimParcels.Void outcome = parcels.cancelByKey(key);
    if (outcome != UspsSimParcels.Void.NOT_FOUND) {
      ctx.header("X-Idempotency-Key", key);
    }
    answerVoid(ctx, number, outcome);
  }

  private void answerVoid(Context ctx, String number, UspsSimParcels.Void outcome) {
    switch (outcome) {
      case NOT_FOUND -> badRequest(ctx, "160185", "trackingNumber", "Order not found");
      case ALREADY_CANCELED -> badRequest(ctx, "160186", "trackingNumber", "Order already canceled");
      case CANCELED -> {
        counters.cancels.incrementAndGet();
        ctx.contentType("application/json").result(UspsSimJson.JSON.createObjectNode()
            .put("trackingNumber", number).put("status", "CANCELED").toString());
      }
    }
  }

  /** USPS refuses a mailing date in the past (its local date) or more than 45 days ahead (160001). */
  private Optional<String[]> mailingDateProblem(JsonNode pkg) {
    LocalDate today = LocalDate.now(clock.withZone(mailingZone));
    try {
      LocalDate mailing = LocalDate.parse(pkg.path("mailingDate").asText(""));
      if (mailing.isBefore(today) || mailing.isAfter(today.plusDays(45))) {
        return Optional.of(new String[] {"160001", "packageDescription.mailingDate",
            "cannot be in the past or more than 45 days in the future"});
      }
      return Optional.empty();
    } catch (DateTimeParseException unreadable) {
      return Optional.of(new String[] {"160092", "packageDescription.mailingDate", "unable to parse mailingDate"});
    }
  }

  private static Optional<String[]> problem(JsonNode to, JsonNode pkg) {
    String street = to.path("streetAddress").asText("").toUpperCase(Locale.ROOT);
    String zip = to.path("ZIPCode").asText("");
    if (street.isBlank() || to.path("city").asText("").isBlank() || street.contains("INVALID") || zip.equals("00000")) {
      return Optional.of(new String[] {"010001", "toAddress", "Address Not Found."});
    }
    double weight = pkg.path("weight").asDouble(0);
    if (weight > 70) {
      return Optional.of(new String[] {"160098", "packageDescription.weight, packageDescription.mailClass",
          "Weight should be greater than 0 LB and should not exceed 70 LB"});
    }
    return Optional.empty();
  }

  private void refuse(Context ctx, String[] problem) {
    counters.labelsRejected.incrementAndGet();
    badRequest(ctx, problem[0], problem[1], problem[2]);
  }

  private static void badRequest(Context ctx, String code, String parameter, String detail) {
    ctx.status(400).contentType("application/json")
        .result(UspsSimJson.error(API, 400, "Bad Request", code, "Bad Request", detail, parameter));
  }

  private static String addressee(JsonNode to) {
    String person = (to.path("firstName").asText("") + " " + to.path("lastName").asText("")).strip();
    String firm = to.path("firm").asText("").strip();
    return person.isEmpty() ? firm : firm.isEmpty() ? person : person + " / " + firm;
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.support.Secret;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buys one label per call ({@code POST /labels/v3/label}) and voids labels ({@code DELETE
 * /labels/v3/label/{n}}, or {@code DELETE /labels/v3/label} by idempotency key). Label calls are
 * retried like any other: each carries the package's {@code X-Idempotency-Key} with the same body, so
 * USPS answers a repeat with the label it already sold instead of charging again (an unreadable label
 * answer is "unavailable" for the same reason: the durable task's retry gets the label).
 *
 * <p>The key and the mailing date come from the package's stored {@link PurchaseKey}, reused while the
 * date is today or later. USPS refuses a mailing date in the past, so once it has passed, whatever the
 * stored key bought is voided first and the label is bought with today's date under a replacement key
 * derived from the stored one and the day (a retry on the same day derives the same key, and voids
 * the replacements of the days in between). Keys are random (or derived from a random one), never
 * from our ids, so two installations sharing one CRID never send each other's keys. A caller that did
 * not store a key gets a fresh one for this call only: its retries within the call are safe, a later
 * call is a new purchase.
 */
final class UspsLabels {
  private static final Logger LOG = LoggerFactory.getLogger(UspsLabels.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String JSON_LABELS = "application/vnd.usps.labels+json";
  /** Replacement keys of at most this many days in between are voided before buying again. */
  private static final int MAX_SETTLED_DAYS = 7;
  static final String ALREADY_CANCELED = "160186";
  static final String ORDER_NOT_FOUND = "160185";

  private final UspsConfig config;
  private final UspsApi labels;
  private final UspsPaymentTokenProvider payments;
  private final ObjectMapper json;
  private final UspsLabelRequestMapper bodies;
  private final UspsLabelResponseMapper responses;
  private final UspsErrors errors;

  UspsLabels(UspsConfig config, UspsApi labels, UspsPaymentTokenProvider payments, UspsErrors errors,
      ObjectMapper json) {
    this.config = config;
    this.labels = labels;
    this.payments = payments;
    this.errors = errors;
    this.json = json;
    this.bodies = new UspsLabelRequestMapper(config, json);
    this.responses = new UspsLabelResponseMapper(json);
  }

  String mailClass(LabelRequest request) {
    return bodies.mailClass(request);
  }

  /** Today as USPS counts mailing dates (its local zone). */
  LocalDate today() {
    return LocalDate.now(config.clock().withZone(config.localTimeZone()));
  }

  PurchasedLabel buy(LabelRequest request, ParcelSpec parcel) {
    bodies.mailClass(request);
    PurchaseKey key = keyFor(parcel, today());
    String body = bodies.body(request, parcel, key);
    HttpResult result = withPaymentToken(payment -> labels.exchange((baseUrl, builder) -> {
      builder.url(baseUrl + "/labels/v3/label")
          .header("X-Payment-Authorization-Token", payment.reveal())
          .header("X-Idempotency-Key", key.idempotencyKey().toString())
          .post(RequestBody.create(body, JSON));
      return config.labelDefaults().jsonResponse() ? builder.header("Accept", JSON_LABELS) : builder;
    }));
    if (!result.isSuccess()) {
      throw labels.failure(result);
    }
    UspsLabelResponseMapper.Parsed parsed;
    try {
      parsed = responses.parse(result.contentType(), result.body());
    } catch (IllegalArgumentException e) {
      // Postage may be bought already; the retry sends the same key and gets that label again.
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS labels " + e.getMessage(), null, null, e);
    }
    TrackingNumber number = TrackingNumber.of(parsed.trackingNumber());
    return new PurchasedLabel(parcel.parcelId(), number, new Label(bodies.format(request), parsed.image()), number, key);
  }

  void cancel(TrackingNumber number) {
    voiding("USPS did not void " + number, false,
        builder -> builder.url(config.baseUrl() + "/labels/v3/label/" + number.value()));
  }

  private PurchaseKey keyFor(ParcelSpec parcel, LocalDate today) {
    if (parcel.purchaseKey() == null) {
      return PurchaseKey.fresh(today);
    }
    PurchaseKey stored = parcel.purchaseKey();
    if (!stored.mailingDate().isBefore(today)) {
      return stored;
    }
    LocalDate from = stored.mailingDate().plusDays(1);
    LocalDate earliest = today.minusDays(MAX_SETTLED_DAYS);
    for (LocalDate day = from.isBefore(earliest) ? earliest : from; day.isBefore(today); day = day.plusDays(1)) {
      voidByKey(replacement(stored, day).idempotencyKey());
    }
    voidByKey(stored.idempotencyKey());
    LOG.info("USPS package {}: mailing date {} has passed; buying with today's date under a new key",
        parcel.parcelId(), stored.mailingDate());
    return replacement(stored, today);
  }

  static PurchaseKey replacement(PurchaseKey stored, LocalDate day) {
    return new PurchaseKey(uuid("usps-label-replacement:" + stored.idempotencyKey() + ":" + day), day);
  }

  private static UUID uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Settles what an earlier purchase under this key bought, before buying again: voided, or nothing to
   * void. Anything else stops the purchase (a second label must not be bought beside a live one).
   */
  private void voidByKey(UUID key) {
    try {
      String outcome = voiding("USPS did not void the label bought with key " + key, true, builder -> builder
          .url(config.baseUrl() + "/labels/v3/label").header("X-Idempotency-Key", key.toString()));
      if (!outcome.equals(ORDER_NOT_FOUND)) {
        LOG.warn("USPS label bought with key {} by an earlier attempt is void ({})", key, outcome);
      }
    } catch (CarrierRejectedException refused) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "cannot settle the earlier purchase under key " + key
          + ", so no new label is bought: " + refused.getMessage(), null, null, refused);
    }
  }

  /** CANCELED or DISPUTED (voided now or before), or ORDER_NOT_FOUND when that is acceptable. */
  private String voiding(String failure, boolean notFoundIsSettled, Function<Request.Builder, Request.Builder> target) {
    HttpResult result = withPaymentToken(payment -> labels.exchange((baseUrl, builder) ->
        target.apply(builder).header("X-Payment-Authorization-Token", payment.reveal()).delete()));
    if (!result.isSuccess()) {
      List<String> codes = errors.codes(result);
      if (codes.contains(ALREADY_CANCELED)) {
        return "CANCELED";
      }
      if (notFoundIsSettled && codes.contains(ORDER_NOT_FOUND)) {
        return ORDER_NOT_FOUND;
      }
      throw labels.failure(result);
    }
    String status = statusOf(result);
    if (!status.equals("CANCELED") && !status.equals("DISPUTED")) {
      throw new CarrierRejectedException(CarrierCode.USPS, failure + " (status " + status + ")", null);
    }
    return status;
  }

  private String statusOf(HttpResult result) {
    try {
      JsonNode root = json.readTree(result.body());
      return root.path("status").asText("").toUpperCase(Locale.ROOT);
    } catch (Exception e) {
      throw new CarrierUnavailableException(CarrierCode.USPS, "USPS labels returned an unreadable cancel response",
          null, null, e);
    }
  }

  /**
   * Still 401 after a fresh access token: the payment token may be what USPS refuses, so it is dropped
   * and the next attempt (a later task run) fetches a new one.
   */
  private HttpResult withPaymentToken(Function<Secret, HttpResult> send) {
    Secret payment = payments.token();
    HttpResult result = send.apply(payment);
    if (result.code() == 401) {
      payments.invalidate(payment);
    }
    return result;
  }
}

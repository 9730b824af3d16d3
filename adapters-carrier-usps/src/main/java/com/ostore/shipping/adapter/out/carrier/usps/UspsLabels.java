package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Buys one label per call ({@code POST /labels/v3/label}) and voids labels ({@code DELETE
 * /labels/v3/label/{n}}). Label calls are retried like any other because each carries an
 * {@code X-Idempotency-Key} derived from the request reference and package: USPS answers a repeat
 * with the label it already sold instead of charging again.
 */
final class UspsLabels {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String JSON_LABELS = "application/vnd.usps.labels+json";

  private final UspsConfig config;
  private final UspsAuthorizedCalls calls;
  private final UspsPaymentTokens payments;
  private final UspsErrors errors;
  private final ObjectMapper json;
  private final LabelBodies bodies;
  private final LabelResponses responses;
  private final UspsPolicy policy;

  UspsLabels(UspsConfig config, UspsAuthorizedCalls calls, UspsPaymentTokens payments, UspsErrors errors,
      ObjectMapper json) {
    this.config = config;
    this.calls = calls;
    this.payments = payments;
    this.errors = errors;
    this.json = json;
    this.bodies = new LabelBodies(config, json);
    this.responses = new LabelResponses(json);
    this.policy = new UspsPolicy("labels", config.resilience(), config.rateLimits().labelCalls(), config.rateLimits());
  }

  String mailClass(LabelRequest request) {
    return bodies.mailClass(request);
  }

  PurchasedLabel buy(LabelRequest request, ParcelSpec parcel) {
    String body = bodies.body(request, parcel);
    String key = LabelBodies.idempotencyKey(request.reference(), parcel);
    LabelResponses.Parsed parsed = policy.call(() -> {
      UspsResponse response = withPaymentToken(payment -> calls.send("labels", token -> {
        Request.Builder builder = UspsAuthorizedCalls.bearer(new Request.Builder(), token)
            .url(config.baseUrl() + "/labels/v3/label")
            .header("X-Payment-Authorization-Token", payment)
            .header("X-Idempotency-Key", key)
            .post(RequestBody.create(body, JSON));
        if (config.labelDefaults().jsonResponse()) {
          builder.header("Accept", JSON_LABELS);
        }
        return builder.build();
      }));
      if (!response.isSuccessful()) {
        throw errors.failure("labels", response);
      }
      try {
        return responses.parse(response.contentType(), response.body());
      } catch (IllegalArgumentException e) {
        // Postage may be bought already; retrying with the same key fetches that label again.
        throw new TransientUspsFailure("USPS labels " + e.getMessage(), null, null);
      }
    });
    return new PurchasedLabel(parcel.parcelId(), TrackingNumber.of(parsed.trackingNumber()),
        new Label(bodies.format(request), parsed.image()));
  }

  void cancel(TrackingNumber number) {
    policy.call(() -> {
      UspsResponse response = withPaymentToken(payment -> calls.send("labels", token ->
          UspsAuthorizedCalls.bearer(new Request.Builder(), token)
              .url(config.baseUrl() + "/labels/v3/label/" + number.value())
              .header("X-Payment-Authorization-Token", payment)
              .delete()
              .build()));
      if (!response.isSuccessful()) {
        throw errors.failure("labels", response);
      }
      String status = statusOf(response);
      if (!status.equals("CANCELED") && !status.equals("DISPUTED")) {
        throw new CarrierRejectedException(CarrierCode.USPS, "USPS did not void " + number + " (status " + status + ")", null);
      }
      return status;
    });
  }

  private String statusOf(UspsResponse response) {
    try {
      JsonNode root = json.readTree(response.body());
      return root.path("status").asText("").toUpperCase(Locale.ROOT);
    } catch (Exception e) {
      throw new TransientUspsFailure("USPS labels returned an unreadable cancel response", null, null);
    }
  }

  /**
   * Still 401 after a fresh access token: the payment token may be what USPS refuses, so it is dropped
   * and the next attempt (a later task run) fetches a new one.
   */
  private UspsResponse withPaymentToken(Function<String, UspsResponse> send) {
    String payment = payments.current();
    UspsResponse response = send.apply(payment);
    if (response.status() == 401) {
      payments.reject(payment);
    }
    return response;
  }

  OptionalInt remainingQuota() {
    return policy.remainingCalls();
  }
}

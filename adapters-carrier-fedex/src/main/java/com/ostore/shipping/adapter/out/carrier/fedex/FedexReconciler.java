package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.LabelRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voids what an interrupted purchase may have bought. FedEx has no idempotency key, so before buying
 * again we look up live shipments under the same customer reference (Track by reference) and cancel
 * them (each cancel voids a multi-package shipment under its master; a number already void counts as
 * done). FedEx's "not found" answers mean nothing was bought. If the lookup itself fails otherwise we
 * do not buy: the caller's durable task retries later.
 */
final class FedexReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(FedexReconciler.class);
  private static final String CANCELLED = "CA";

  private final FedexApi trackApi;
  private final FedexConfig config;
  private final Consumer<List<LabelReference>> cancel;

  FedexReconciler(FedexApi trackApi, FedexConfig config, Consumer<List<LabelReference>> cancel) {
    this.trackApi = trackApi;
    this.config = config;
    this.cancel = cancel;
  }

  void voidEarlierAttempt(LabelRequest request) {
    List<TrackingNumber> orphans = liveShipmentsWithReference(request.reference());
    List<TrackingNumber> refused = new ArrayList<>();
    for (TrackingNumber orphan : orphans) {
      try {
        cancel.accept(List.of(LabelReference.of(orphan)));
      } catch (CarrierRejectedException refusal) {
        // Already tendered to FedEx: it stays live, and is logged for a person to look at.
        refused.add(orphan);
        LOG.warn("FedEx refused to cancel {} for shipment {}: {}", orphan, request.shipmentId(), refusal.getMessage());
      }
    }
    if (!orphans.isEmpty()) {
      LOG.warn("FedEx shipment {} (reference {}): voided tracking numbers {} bought by an interrupted attempt{}",
          request.shipmentId(), request.reference(), orphans,
          refused.isEmpty() ? "" : " (cancel refused for " + refused + ")");
    }
  }

  private List<TrackingNumber> liveShipmentsWithReference(String reference) {
    ObjectNode body = FedexTrackRequestMapper.byReference(config, reference, LocalDate.now(config.clock()));
    JsonNode response;
    try {
      Optional<JsonNode> found = trackApi.callExpecting(new FedexApi.Call("FedEx track by reference", "POST",
          "/track/v1/referencenumbers", body, reference, true), FedexReconciler::nothingUnderReference);
      if (found.isEmpty()) {
        return List.of();
      }
      response = found.get();
    } catch (CarrierRejectedException rejected) {
      throw FedexErrors.unavailable("cannot verify that no FedEx label exists for reference " + reference
          + ", so none is bought: " + rejected.getMessage(), null, rejected);
    }
    Set<TrackingNumber> live = new LinkedHashSet<>();
    for (JsonNode complete : response.path("output").path("completeTrackResults")) {
      for (JsonNode result : complete.path("trackResults")) {
        String number = result.path("trackingNumberInfo").path("trackingNumber").asText(
            complete.path("trackingNumber").asText(""));
        boolean found = !result.hasNonNull("error") || result.hasNonNull("latestStatusDetail");
        if (found && !number.isEmpty() && !CANCELLED.equals(result.path("latestStatusDetail").path("code").asText())) {
          live.add(TrackingNumber.of(number));
        }
      }
    }
    return List.copyOf(live);
  }

  /**
   * FedEx's answers for "nothing was shipped under this reference": HTTP 404 NOT.FOUND.ERROR, or a 4xx
   * whose code says NOTFOUND (TRACKING.REFERENCENUMBER.NOTFOUND); a 200 with per-number NOTFOUND errors
   * is read as such below.
   */
  static boolean nothingUnderReference(HttpResult result) {
    List<String> codes = FedexErrors.codes(result.body());
    return (result.code() == 404 && codes.contains("NOT.FOUND.ERROR"))
        || (result.code() >= 400 && result.code() < 500 && codes.stream().anyMatch(code -> code.contains("NOTFOUND")));
  }
}

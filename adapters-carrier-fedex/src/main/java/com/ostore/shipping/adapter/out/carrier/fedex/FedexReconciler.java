package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voids what an interrupted purchase may have bought. FedEx has no idempotency key, so before buying
 * again we look up live shipments under the same customer reference (Track by reference) and cancel
 * them. If the lookup itself fails we do not buy: the caller's durable task retries later.
 */
final class FedexReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(FedexReconciler.class);
  private static final String CANCELLED = "CA";

  private final FedexApi trackApi;
  private final FedexConfig config;
  private final Consumer<TrackingNumber> cancel;

  FedexReconciler(FedexApi trackApi, FedexConfig config, Consumer<TrackingNumber> cancel) {
    this.trackApi = trackApi;
    this.config = config;
    this.cancel = cancel;
  }

  void voidEarlierAttempt(LabelRequest request) {
    List<TrackingNumber> orphans = liveShipmentsWithReference(request.reference());
    List<TrackingNumber> refused = new ArrayList<>();
    for (TrackingNumber orphan : orphans) {
      try {
        cancel.accept(orphan);
      } catch (CarrierRejectedException refusal) {
        // Usually already void: cancelling a multi-piece master voids its pieces too.
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
    LocalDate today = LocalDate.now(config.clock());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("includeDetailedScans", false);
    body.putObject("referencesInformation")
        .put("type", "CUSTOMER_REFERENCE")
        .put("value", reference)
        .put("accountNumber", config.accountNumber().reveal())
        .put("shipDateBegin", today.minusDays(config.shipmentDefaults().reconciliationLookback().toDays()).toString())
        .put("shipDateEnd", today.plusDays(1).toString());
    JsonNode response;
    try {
      response = trackApi.call(new FedexApi.Call("FedEx track by reference", "POST", "/track/v1/referencenumbers",
          body, reference, true));
    } catch (CarrierRejectedException rejected) {
      if (rejected.getMessage().contains("NOTFOUND")) {
        return List.of();
      }
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
}

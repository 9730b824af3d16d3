package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Voids FedEx labels ({@code PUT /ship/v1/shipments/cancel}). A multi-package shipment is voided once,
 * under its master tracking number (DELETE_ALL_PACKAGES). A refused cancel is checked with Track: a
 * number whose newest scan is CA (cancelled) was voided already, which counts as done; FedEx's code for
 * "already cancelled" is not documented, so the scan decides, not the refusal's wording.
 */
final class FedexCancellations {
  private static final String CANCELLED = "CA";

  private final FedexApi shipApi;
  private final FedexConfig config;
  private final Function<List<TrackingNumber>, List<TrackingReport>> track;

  FedexCancellations(FedexApi shipApi, FedexConfig config, Function<List<TrackingNumber>, List<TrackingReport>> track) {
    this.shipApi = shipApi;
    this.config = config;
    this.track = track;
  }

  void cancelShipment(List<LabelReference> labels) {
    Set<TrackingNumber> targets = new LinkedHashSet<>();
    labels.forEach(label -> targets.add(label.master().orElse(label.trackingNumber())));
    targets.forEach(this::cancel);
  }

  void cancel(TrackingNumber trackingNumber) {
    JsonNode response;
    try {
      response = shipApi.call(new FedexApi.Call("FedEx cancel shipment", "PUT", "/ship/v1/shipments/cancel",
          FedexShipRequestMapper.cancelBody(config, trackingNumber), null, true));
    } catch (CarrierRejectedException refused) {
      if (alreadyCancelled(trackingNumber)) {
        return;
      }
      throw refused;
    }
    JsonNode output = response.path("output");
    if (!output.path("cancelledShipment").asBoolean(false) && !alreadyCancelled(trackingNumber)) {
      throw new CarrierRejectedException(CarrierCode.FEDEX, "FedEx did not cancel " + trackingNumber + ": "
          + output.path("message").asText("no reason given"), FedexErrors.text(response, "transactionId"));
    }
  }

  private boolean alreadyCancelled(TrackingNumber trackingNumber) {
    TrackingReport report = track.apply(List.of(trackingNumber)).get(0);
    return report.scans().stream().max(Comparator.comparing(CarrierScan::occurredAt))
        .map(scan -> CANCELLED.equals(scan.rawCode())).orElse(false);
  }
}

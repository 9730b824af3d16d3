package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link CarrierGateway} over FedEx's REST APIs (OAuth, Ship v1, Track v1) with OkHttp and Failsafe.
 *
 * <p>Create-shipment is never retried automatically: a timed-out create may have bought labels. The
 * durable task calls again with {@code resumingInterruptedAttempt}, and this gateway then looks up
 * shipments under the same customer reference and voids them before buying. The window that remains:
 * a label bought moments before that lookup which FedEx's Track index does not show yet (FedEx indexes
 * new shipments with a delay of seconds to minutes), or one whose ship date falls outside the look-back
 * ({@link FedexShipmentDefaults#reconciliationLookback()}); such a label stays live but unused and
 * unbilled until FedEx voids unshipped labels itself.
 */
public final class FedexCarrierGateway implements CarrierGateway, AutoCloseable {
  /** FedEx answers at most 30 numbers per track call. */
  public static final int MAX_TRACKING_BATCH = 30;

  private final FedexConfig config;
  private final FedexClients clients;
  private final FedexCancellations cancellations;
  private final FedexReconciler reconciler;

  public FedexCarrierGateway(FedexConfig config) {
    this.config = config;
    this.clients = new FedexClients(config, new ObjectMapper());
    this.cancellations = new FedexCancellations(clients.ship(), config, this::track);
    this.reconciler = new FedexReconciler(clients.track(), config, cancellations::cancelShipment);
  }

  /**
   * Calls left in FedEx's current rate-limit window per project, as this client counts them (for the
   * operators' quota gauge; FedEx's own count may differ by calls other clients of the project made).
   */
  public Map<String, Integer> remainingQuota() {
    return clients.remainingQuota();
  }

  @Override
  public CarrierCode carrier() {
    return CarrierCode.FEDEX;
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    // Built first: what FedEx would refuse is refused before any call, reconciliation included.
    ObjectNode body = FedexShipRequestMapper.body(request, config, LocalDate.now(config.clock()));
    if (request.resumingInterruptedAttempt()) {
      reconciler.voidEarlierAttempt(request);
    }
    FedexShipmentDefaults defaults = config.shipmentDefaults();
    JsonNode response = clients.ship().call(new FedexApi.Call("FedEx create shipment", "POST",
        "/ship/v1/shipments", body, request.reference(), false));
    return FedexShipResponseMapper.purchase(response, request, FedexShipRequestMapper.serviceType(request, defaults),
        FedexShipRequestMapper.labelFormat(request, defaults));
  }

  /** Voids the shipment this label belongs to when it is its master; already cancelled counts as done. */
  @Override
  public void cancel(TrackingNumber trackingNumber) {
    cancellations.cancel(trackingNumber);
  }

  /** Voids each master tracking number once (every package of a multi-package shipment). */
  @Override
  public void cancelShipment(List<LabelReference> labels) {
    cancellations.cancelShipment(labels);
  }

  @Override
  public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    List<TrackingReport> reports = new ArrayList<>(trackingNumbers.size());
    for (int from = 0; from < trackingNumbers.size(); from += MAX_TRACKING_BATCH) {
      List<TrackingNumber> batch = trackingNumbers.subList(from, Math.min(from + MAX_TRACKING_BATCH, trackingNumbers.size()));
      JsonNode response = clients.track().call(new FedexApi.Call("FedEx track", "POST", "/track/v1/trackingnumbers",
          FedexTrackRequestMapper.byNumbers(batch), null, true));
      reports.addAll(FedexTrackResponseMapper.reports(response, batch));
    }
    return reports;
  }

  @Override
  public int maxTrackingBatchSize() {
    return MAX_TRACKING_BATCH;
  }

  /** The US domestic service types of FedEx's API reference guide. */
  @Override
  public Set<String> serviceTypes() {
    return FedexServiceTypes.ALL;
  }

  /** The US only: labels to other countries need customs details, which this release does not send. */
  @Override
  public Set<String> destinationCountries() {
    return FedexShipRequestMapper.DESTINATIONS;
  }

  @Override
  public void close() {
    clients.close();
  }
}

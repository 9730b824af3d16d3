package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
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
  private final FedexReconciler reconciler;

  public FedexCarrierGateway(FedexConfig config) {
    this.config = config;
    this.clients = new FedexClients(config, new ObjectMapper());
    this.reconciler = new FedexReconciler(clients.track(), config, this::cancel);
  }

  @Override
  public CarrierCode carrier() {
    return CarrierCode.FEDEX;
  }

  /**
   * Calls left in FedEx's current rate-limit window per project, as this client counts them (for the
   * operators' quota gauge; FedEx's own count may differ by calls other clients of the project made).
   */
  public Map<String, Integer> remainingQuota() {
    return clients.remainingQuota();
  }

  @Override
  public Set<String> serviceTypes() {
    return FedexServiceTypes.ALL;
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    if (request.resumingInterruptedAttempt()) {
      reconciler.voidEarlierAttempt(request);
    }
    FedexShipmentDefaults defaults = config.shipmentDefaults();
    ObjectNode body = FedexShipRequestMapper.body(request, config, LocalDate.now(config.clock()));
    JsonNode response = clients.ship().call(new FedexApi.Call("FedEx create shipment", "POST",
        "/ship/v1/shipments", body, request.reference(), false));
    return FedexShipResponseMapper.purchase(response, request, FedexShipRequestMapper.serviceType(request, defaults),
        FedexShipRequestMapper.labelFormat(request, defaults));
  }

  @Override
  public void cancel(TrackingNumber trackingNumber) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("accountNumber").put("value", config.accountNumber().reveal());
    body.put("trackingNumber", trackingNumber.value());
    body.put("deletionControl", "DELETE_ALL_PACKAGES");
    body.put("senderCountryCode", config.shipper().address().isoCountryCode().orElse("US"));
    body.put("emailShipment", false);
    JsonNode response = clients.ship().call(
        new FedexApi.Call("FedEx cancel shipment", "PUT", "/ship/v1/shipments/cancel", body, null, true));
    JsonNode output = response.path("output");
    if (!output.path("cancelledShipment").asBoolean(false)) {
      throw new CarrierRejectedException(CarrierCode.FEDEX, "FedEx did not cancel " + trackingNumber + ": "
          + output.path("message").asText("no reason given"), FedexErrors.text(response, "transactionId"));
    }
  }

  @Override
  public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    List<TrackingReport> reports = new ArrayList<>(trackingNumbers.size());
    for (int from = 0; from < trackingNumbers.size(); from += MAX_TRACKING_BATCH) {
      List<TrackingNumber> batch = trackingNumbers.subList(from, Math.min(from + MAX_TRACKING_BATCH, trackingNumbers.size()));
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("includeDetailedScans", true);
      var info = body.putArray("trackingInfo");
      batch.forEach(number -> info.addObject().putObject("trackingNumberInfo").put("trackingNumber", number.value()));
      JsonNode response = clients.track().call(
          new FedexApi.Call("FedEx track", "POST", "/track/v1/trackingnumbers", body, null, true));
      reports.addAll(FedexTrackMapper.reports(response, batch));
    }
    return reports;
  }

  @Override
  public int maxTrackingBatchSize() {
    return MAX_TRACKING_BATCH;
  }

  @Override
  public void close() {
    clients.close();
  }
}

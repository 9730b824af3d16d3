package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.List;
import java.util.Set;

/**
 * What the service asks of a carrier, whichever carrier it is: buy labels, void a label, track
 * packages. Failures come as {@link CarrierException}: {@link CarrierUnavailableException} when a
 * later retry may succeed, {@link CarrierRejectedException} when none will.
 */
public interface CarrierGateway {

  CarrierCode carrier();

  /**
   * The services this carrier sells through this adapter, in the carrier's own spelling (FedEx
   * {@code serviceType}, USPS {@code mailClass}); a request naming any other is refused before it is stored.
   */
  Set<String> serviceTypes();

  /**
   * Buys one label per package. Safe to call again with the same {@link LabelRequest#reference()}
   * after an interrupted attempt: the adapter makes sure the carrier does not charge twice, or voids
   * what the interrupted attempt bought (see each adapter's documentation for the remaining window).
   */
  LabelPurchase purchaseLabels(LabelRequest request);

  /** Voids a label that has not been used yet. */
  void cancel(TrackingNumber trackingNumber);

  /**
   * The scans the carrier has for these numbers, one report per number, in the order given. Callers
   * send at most {@link #maxTrackingBatchSize()} numbers per call.
   */
  List<TrackingReport> track(List<TrackingNumber> trackingNumbers);

  /** The most tracking numbers the carrier answers in one call (FedEx 30, USPS 35). */
  int maxTrackingBatchSize();
}

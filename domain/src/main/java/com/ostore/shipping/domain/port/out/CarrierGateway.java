package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.List;

/**
 * What the service asks of a carrier, whichever carrier it is: buy labels, void a label, track
 * packages. Failures come as {@link CarrierException}: {@link CarrierUnavailableException} when a
 * later retry may succeed, {@link CarrierRejectedException} when none will.
 */
public interface CarrierGateway {

  CarrierCode carrier();

  /**
   * Buys one label per package. Safe to call again with the same {@link LabelRequest#reference()}
   * after an interrupted attempt: the adapter makes sure the carrier does not charge twice, or voids
   * what the interrupted attempt bought (see each adapter's documentation for the remaining window).
   */
  LabelPurchase purchaseLabels(LabelRequest request);

  /**
   * Whether buying again with the same {@link LabelRequest#reference()} hands back the labels sold the
   * first time rather than new ones (USPS's idempotency key). Then a label bought by an attempt that
   * lost its lease is also the one the attempt holding the work gets back, and must not be voided.
   */
  default boolean repeatedPurchasesReturnTheSameLabels() {
    return false;
  }

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

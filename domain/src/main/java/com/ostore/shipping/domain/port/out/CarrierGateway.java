package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the service asks of a carrier, whichever carrier it is: buy labels, void labels, track
 * packages. Failures come as {@link CarrierException}: {@link CarrierUnavailableException} when a
 * later retry may succeed, {@link CarrierRejectedException} when the shipment's own data is refused,
 * {@link CarrierAccountException} when our account, payment or credentials are (no shipment can succeed
 * until the team fixes it).
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

  /** Voids a label that has not been used yet; a label the carrier already voided counts as voided. */
  void cancel(TrackingNumber trackingNumber);

  /**
   * Voids every label of one shipment. A carrier that sells several packages as one shipment (FedEx,
   * under a master tracking number) voids each master once; labels already void count as voided.
   */
  default void cancelShipment(List<LabelReference> labels) {
    labels.forEach(label -> cancel(label.trackingNumber()));
  }

  /**
   * The scans the carrier has for these numbers, one report per number, in the order given. Callers
   * send at most {@link #maxTrackingBatchSize()} numbers per call.
   */
  List<TrackingReport> track(List<TrackingNumber> trackingNumbers);

  /** The most tracking numbers the carrier answers in one call (FedEx 30, USPS 35). */
  int maxTrackingBatchSize();

  /**
   * The service types (FedEx) or mail classes (USPS) this adapter can buy, as the carrier spells them,
   * so a request naming another can be refused before it is accepted. Empty when the adapter does not
   * know them (then any value is passed on to the carrier).
   */
  default Set<String> serviceTypes() {
    return Set.of();
  }

  /**
   * The countries this adapter can label to, as ISO 3166 alpha-2 codes, so a shipment to another
   * country the service can resolve ({@link com.ostore.shipping.domain.model.PostalAddress#isoCountryCode()})
   * is refused before it is accepted. Empty when the adapter does not know (then the carrier decides).
   */
  default Set<String> destinationCountries() {
    return Set.of();
  }

  /**
   * A key for a new purchase of one package, for carriers whose label calls take one (USPS): store it
   * before the first attempt and pass it back in {@link ParcelSpec#purchaseKey()} on every retry. Empty
   * for carriers without idempotency keys (FedEx reconciles by customer reference instead).
   */
  default Optional<PurchaseKey> newPurchaseKey() {
    return Optional.empty();
  }
}

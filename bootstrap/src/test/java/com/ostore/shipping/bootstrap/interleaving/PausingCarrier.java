package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A carrier whose next answer can be held back (the carrier answered, the worker has not recorded it
 * yet) or whose next purchase fails the way a bug in an adapter would (not a carrier outage).
 */
final class PausingCarrier implements CarrierGateway {
  private final CarrierGateway carrier;
  private final AtomicReference<Pause> purchasePause = new AtomicReference<>();
  private final AtomicReference<Pause> trackPause = new AtomicReference<>();
  private final AtomicBoolean breakNextPurchase = new AtomicBoolean();
  private final AtomicBoolean loseNextAnswer = new AtomicBoolean();

  PausingCarrier(CarrierGateway carrier) {
    this.carrier = carrier;
  }

  /** The next purchase stops after the carrier sold the labels, before the worker records them. */
  Pause pauseNextPurchase() {
    Pause pause = new Pause();
    purchasePause.set(pause);
    return pause;
  }

  /** The next tracking call stops after the carrier answered, before the run records the answer. */
  Pause pauseNextTrack() {
    Pause pause = new Pause();
    trackPause.set(pause);
    return pause;
  }

  /** The next purchase throws an unexpected error, as a defect in the adapter would. */
  void breakNextPurchase() {
    breakNextPurchase.set(true);
  }

  /**
   * The next purchase goes through at the carrier, but its answer never reaches the worker (the
   * connection drops first), so the work is retried as after any outage.
   */
  void loseNextAnswer() {
    loseNextAnswer.set(true);
  }

  @Override
  public CarrierCode carrier() {
    return carrier.carrier();
  }

  @Override
  public Set<String> serviceTypes() {
    return carrier.serviceTypes();
  }

  @Override
  public Set<String> destinationCountries() {
    return carrier.destinationCountries();
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    if (breakNextPurchase.getAndSet(false)) {
      throw new IllegalStateException("unexpected answer from the carrier adapter");
    }
    LabelPurchase purchase = carrier.purchaseLabels(request);
    if (loseNextAnswer.getAndSet(false)) {
      throw new CarrierUnavailableException(carrier(), "connection reset before the answer arrived", null, null, null);
    }
    Pause pause = purchasePause.getAndSet(null);
    if (pause != null) {
      pause.here();
    }
    return purchase;
  }

  @Override
  public boolean repeatedPurchasesReturnTheSameLabels() {
    return carrier.repeatedPurchasesReturnTheSameLabels();
  }

  @Override
  public Optional<PurchaseKey> newPurchaseKey() {
    return carrier.newPurchaseKey();
  }

  @Override
  public void cancel(TrackingNumber trackingNumber) {
    carrier.cancel(trackingNumber);
  }

  @Override
  public void cancelShipment(List<LabelReference> labels) {
    carrier.cancelShipment(labels);
  }

  @Override
  public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    List<TrackingReport> reports = carrier.track(trackingNumbers);
    Pause pause = trackPause.getAndSet(null);
    if (pause != null) {
      pause.here();
    }
    return reports;
  }

  @Override
  public int maxTrackingBatchSize() {
    return carrier.maxTrackingBatchSize();
  }
}

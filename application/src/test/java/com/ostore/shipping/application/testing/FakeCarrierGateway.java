package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * A carrier scripted call by call: label purchases and tracking calls succeed unless a failure was
 * queued for the next call. It issues numbered tracking numbers, answers tracking with the scans
 * scripted per number, and records every request it got. Hooks run after a sale and before its answer,
 * outside the fake's lock, so a test can hold one purchase there while other threads go on.
 */
public final class FakeCarrierGateway implements CarrierGateway {
  private final CarrierCode carrier;
  private final int maxBatch;
  private final String service;
  private final Queue<CarrierException> purchaseFailures = new ArrayDeque<>();
  private final Queue<CarrierException> trackFailures = new ArrayDeque<>();
  private boolean trackingDown;
  private final Map<TrackingNumber, List<CarrierScan>> scans = new HashMap<>();
  private final List<LabelRequest> purchaseRequests = new ArrayList<>();
  private final List<List<TrackingNumber>> trackBatches = new ArrayList<>();
  private final List<TrackingNumber> issued = new ArrayList<>();
  private final List<TrackingNumber> cancelled = new ArrayList<>();
  private final Map<TrackingNumber, TrackingNumber> masterOf = new HashMap<>();
  private final Map<TrackingNumber, OffsetDateTime> soldAt = new HashMap<>();
  private final List<List<LabelReference>> shipmentCancellations = new ArrayList<>();
  private String accountRefusedUntilFixed;
  private Clock clock = Clock.systemUTC();
  private final Map<String, TrackingNumber> soldByKey = new HashMap<>();
  private final Queue<Runnable> meanwhile = new ArrayDeque<>();
  private final Map<String, Queue<Runnable>> meanwhileByReference = new HashMap<>();
  private boolean replaysRepeatedPurchases;
  private final Queue<Runnable> duringTrack = new ArrayDeque<>();

  public FakeCarrierGateway(CarrierCode carrier, int maxBatch) {
    this.carrier = carrier;
    this.maxBatch = maxBatch;
    this.service = carrier == CarrierCode.FEDEX ? "FEDEX_GROUND" : "USPS_GROUND_ADVANTAGE";
  }

  public static FakeCarrierGateway fedex() {
    return new FakeCarrierGateway(CarrierCode.FEDEX, 30);
  }

  public static FakeCarrierGateway usps() {
    return new FakeCarrierGateway(CarrierCode.USPS, 35);
  }

  /** The clock that dates the label-created scan of each sale. */
  public synchronized FakeCarrierGateway withClock(Clock saleClock) {
    this.clock = saleClock;
    return this;
  }

  /** Every purchase is refused because of our account ({@code causeKey}) until {@link #accountFixed()}. */
  public synchronized FakeCarrierGateway accountRefusedUntilFixed(String causeKey) {
    this.accountRefusedUntilFixed = causeKey;
    return this;
  }

  public synchronized FakeCarrierGateway accountFixed() {
    this.accountRefusedUntilFixed = null;
    return this;
  }

  /** The next purchase fails as a carrier outage would, with the carrier's Retry-After if not null. */
  public synchronized FakeCarrierGateway nextPurchaseUnavailable(Duration retryAfter) {
    purchaseFailures.add(unavailable(retryAfter));
    return this;
  }

  /** Runs {@code meanwhile} inside the next purchase, after the carrier sold the labels. */
  public synchronized FakeCarrierGateway duringNextPurchase(Runnable meanwhile) {
    this.meanwhile.add(meanwhile);
    return this;
  }

  /**
   * Runs {@code meanwhile} inside the next purchase under this reference (one hook per purchase, in the
   * order added), after the carrier sold the labels and before the buyer hears of them.
   */
  public synchronized FakeCarrierGateway duringPurchaseOf(String reference, Runnable meanwhile) {
    meanwhileByReference.computeIfAbsent(reference, r -> new ArrayDeque<>()).add(meanwhile);
    return this;
  }

  /**
   * Like USPS's idempotency key: buying again for the same reference and package hands back the label
   * sold the first time instead of selling another.
   */
  public synchronized FakeCarrierGateway replaysRepeatedPurchases() {
    this.replaysRepeatedPurchases = true;
    return this;
  }

  /** The next purchase is refused because of our account (payment, permit, credentials): {@code causeKey}. */
  public synchronized FakeCarrierGateway nextPurchaseAccountRefused(String causeKey) {
    purchaseFailures.add(accountRefusal(causeKey));
    return this;
  }

  private CarrierAccountException accountRefusal(String causeKey) {
    return new CarrierAccountException(carrier, causeKey, "payment refused: insufficient funds", "tx-account", null,
        null);
  }

  /** The next purchase is refused for {@code reason}. */

  public synchronized FakeCarrierGateway nextPurchaseRejected(String reason) {
    purchaseFailures.add(new CarrierRejectedException(carrier, reason, "tx-rejected"));
    return this;
  }

  /** Runs {@code meanwhile} inside the next tracking call, before the carrier answers. */
  public synchronized FakeCarrierGateway duringNextTrack(Runnable meanwhile) {
    duringTrack.add(meanwhile);
    return this;
  }

  /** The next tracking call fails as a carrier outage would. */
  public synchronized FakeCarrierGateway nextTrackUnavailable() {
    trackFailures.add(unavailable(null));
    return this;
  }

  /** The next tracking call is refused for quota (429) with this Retry-After. */
  public synchronized FakeCarrierGateway nextTrackRefusedForQuota(Duration retryAfter) {
    trackFailures.add(new CarrierUnavailableException(carrier, "too many requests (429)", "tx-429", retryAfter, null));
    return this;
  }

  /** While down, every tracking call fails as a carrier outage would. */
  public synchronized FakeCarrierGateway trackingDown(boolean down) {
    this.trackingDown = down;
    return this;
  }

  /** Adds scans the carrier reports for this number from now on (with those scripted before). */
  public synchronized FakeCarrierGateway scans(TrackingNumber number, CarrierScan... more) {
    scans.computeIfAbsent(number, n -> new ArrayList<>()).addAll(Arrays.asList(more));
    return this;
  }

  @Override
  public CarrierCode carrier() {
    return carrier;
  }

  @Override
  public Set<String> serviceTypes() {
    return carrier == CarrierCode.FEDEX
        ? Set.of("FEDEX_GROUND", "FEDEX_2_DAY", "PRIORITY_OVERNIGHT")
        : Set.of("USPS_GROUND_ADVANTAGE", "PRIORITY_MAIL", "PRIORITY_MAIL_EXPRESS");
  }

  /** What the adapters label to in this release: FedEx the US only (no customs), USPS its domestic area. */
  @Override
  public Set<String> destinationCountries() {
    return carrier == CarrierCode.FEDEX ? Set.of("US") : Set.of("US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW");
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    LabelPurchase purchase;
    Runnable hook;
    synchronized (this) {
      purchase = sell(request);
      hook = meanwhile.poll();
      if (hook == null) {
        hook = meanwhileByReference.getOrDefault(request.reference(), new ArrayDeque<>()).poll();
      }
    }
    if (hook != null) {
      hook.run();
    }
    return purchase;
  }

  private LabelPurchase sell(LabelRequest request) {
    purchaseRequests.add(request);
    CarrierException failure = purchaseFailures.poll();
    if (failure != null) {
      throw failure;
    }
    if (accountRefusedUntilFixed != null) {
      throw accountRefusal(accountRefusedUntilFixed);
    }
    if (request.destination().streetLines().stream().anyMatch(line -> line.contains("INVALID"))) {
      throw new CarrierRejectedException(carrier, "the recipient address is invalid", "tx-address");
    }
    String serviceType = request.serviceType() == null ? service : request.serviceType();
    LabelFormat format = request.labelFormat() == null ? LabelFormat.PDF : request.labelFormat();
    List<PurchasedLabel> labels = new ArrayList<>();
    TrackingNumber master = null;
    for (ParcelSpec p : request.parcels()) {
      String key = request.reference() + "/" + p.parcelId();
      TrackingNumber number = replaysRepeatedPurchases ? soldByKey.get(key) : null;
      if (number == null) {
        number = TrackingNumber.of(prefix() + String.format("%08d", issued.size() + 1));
        issued.add(number);
        soldByKey.put(key, number);
        soldAt.put(number, OffsetDateTime.now(clock));
        // Like FedEx, several packages are sold as one shipment under the first one's number.
        masterOf.put(number, carrier == CarrierCode.FEDEX && master != null ? master : number);
      }
      master = master == null ? masterOf.get(number) : master;
      labels.add(new PurchasedLabel(p.parcelId(), number,
          new Label(format, ("label " + number + " for " + request.reference()).getBytes(StandardCharsets.UTF_8)),
          masterOf.get(number), p.purchaseKey()));
    }
    return new LabelPurchase(serviceType, "tx-" + purchaseRequests.size(), labels);
  }

  /** Like USPS: a random key and the day's mailing date; FedEx takes none. */
  @Override
  public synchronized Optional<PurchaseKey> newPurchaseKey() {
    return carrier == CarrierCode.USPS ? Optional.of(PurchaseKey.fresh(LocalDate.now(clock))) : Optional.empty();
  }

  @Override
  public synchronized boolean repeatedPurchasesReturnTheSameLabels() {
    return replaysRepeatedPurchases;
  }

  @Override
  public synchronized void cancel(TrackingNumber trackingNumber) {
    cancelled.add(trackingNumber);
  }

  /**
   * Voids each shipment once under its master (every label sold under it); a label already void counts
   * as voided and is not voided again.
   */
  @Override
  public synchronized void cancelShipment(List<LabelReference> labels) {
    shipmentCancellations.add(List.copyOf(labels));
    Set<TrackingNumber> targets = new LinkedHashSet<>();
    labels.forEach(label -> targets.add(label.master().orElse(label.trackingNumber())));
    for (TrackingNumber target : targets) {
      List<TrackingNumber> sold = new ArrayList<>(List.of(target));
      masterOf.forEach((number, master) -> {
        if (master.equals(target) && !number.equals(target)) {
          sold.add(number);
        }
      });
      sold.stream().filter(number -> !cancelled.contains(number)).forEach(cancelled::add);
    }
  }

  @Override
  public synchronized List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    trackBatches.add(List.copyOf(trackingNumbers));
    Runnable hook = duringTrack.poll();
    if (hook != null) {
      hook.run();
    }
    CarrierException failure = trackingDown ? unavailable(null) : trackFailures.poll();
    if (failure != null) {
      throw failure;
    }
    return trackingNumbers.stream()
        .map(n -> issued.contains(n) || scans.containsKey(n)
            ? TrackingReport.found(n, scansOf(n))
            : TrackingReport.notFound(n, "tracking number not found"))
        .toList();
  }

  /** The scans scripted for a number; a label sold and not scripted reports its label-created scan. */
  private List<CarrierScan> scansOf(TrackingNumber number) {
    if (scans.containsKey(number) || !soldAt.containsKey(number)) {
      return scans.getOrDefault(number, List.of());
    }
    return List.of(new CarrierScan(TrackingEventType.LABEL_CREATED, soldAt.get(number), null, "LC",
        "Shipping label created", Map.of()));
  }

  @Override
  public int maxTrackingBatchSize() {
    return maxBatch;
  }

  public synchronized List<LabelRequest> purchaseRequests() {
    return List.copyOf(purchaseRequests);
  }

  public synchronized List<List<TrackingNumber>> trackBatches() {
    return List.copyOf(trackBatches);
  }

  /** Every tracking number this carrier sold a label for, in order. */
  public synchronized List<TrackingNumber> issuedNumbers() {
    return List.copyOf(issued);
  }

  public synchronized List<TrackingNumber> cancelled() {
    return List.copyOf(cancelled);
  }

  /** What each whole-shipment cancellation named, in order. */
  public synchronized List<List<LabelReference>> shipmentCancellations() {
    return List.copyOf(shipmentCancellations);
  }

  /** How many times each label was voided. */
  public synchronized Map<TrackingNumber, Long> voidsPerLabel() {
    Map<TrackingNumber, Long> voids = new LinkedHashMap<>();
    cancelled.forEach(number -> voids.merge(number, 1L, Long::sum));
    return voids;
  }

  /** Labels sold and not voided: what the store pays for. */
  public synchronized List<TrackingNumber> liveNumbers() {
    return issued.stream().filter(n -> !cancelled.contains(n)).toList();
  }

  /** How many purchases were asked for under this reference. */
  public synchronized long purchasesFor(String reference) {
    return purchaseRequests.stream().filter(r -> r.reference().equals(reference)).count();
  }

  private String prefix() {
    return carrier == CarrierCode.FEDEX ? "7946" : "9400";
  }

  private CarrierUnavailableException unavailable(Duration retryAfter) {
    return new CarrierUnavailableException(carrier, "service unavailable (503)", "tx-503", retryAfter, null);
  }
}

package com.ostore.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CarrierGateway} does, whichever carrier is behind it: buy labels for one and for
 * several packages, void them (each package, the whole shipment, and again once void), track (known,
 * unknown, a mixed batch, more than one batch) and fail in the port's three ways (the shipment's data
 * refused, the carrier unavailable, our account refused). A subclass runs it against one adapter and its
 * simulator; the hooks below script what only the simulator can.
 */
public abstract class CarrierGatewayContract {
  private static final AtomicLong SHIPMENTS = new AtomicLong(5_000);
  protected static final PostalAddress DESTINATION =
      new PostalAddress(List.of("350 Fifth Avenue"), "New York", "NY", "10118", "US");

  /** The gateway under test, talking to a fresh simulator. */
  protected abstract CarrierGateway gateway();

  /** A tracking number in the carrier's format that the simulator never sold. */
  protected abstract TrackingNumber unknownTrackingNumber();

  /** Whether the simulator holds this label as void. */
  protected abstract boolean isVoid(TrackingNumber trackingNumber);

  /** How many labels the simulator has voided so far. */
  protected abstract long voidedLabels();

  /** The next calls to the carrier fail as an outage would (5xx), more often than the gateway retries. */
  protected abstract void carrierGoesDown();

  /** The next label purchase is refused because of our account (payment, permission, account number). */
  protected abstract void accountIsRefusedOnce();

  protected LabelRequest request(int packages) {
    return request(packages, DESTINATION);
  }

  protected LabelRequest request(int packages, PostalAddress destination) {
    long shipment = SHIPMENTS.incrementAndGet();
    List<ParcelSpec> parcels = IntStream.rangeClosed(1, packages)
        .mapToObj(i -> new ParcelSpec(ParcelId.of(shipment * 10 + i), Weight.pounds("2.5"), Dimensions.parse("12x8x4 in")))
        .toList();
    return new LabelRequest(ShipmentId.of(shipment), OrderId.of(shipment), "contract-" + shipment, false, destination,
        Recipient.named("Ada Lovelace"), null, null, parcels);
  }

  @Test
  void givenOnePackage_whenBuying_thenOneLabelForIt() {
    LabelRequest request = request(1);

    LabelPurchase purchase = gateway().purchaseLabels(request);

    assertThat(purchase.serviceType()).isNotBlank();
    assertThat(purchase.labels()).singleElement().satisfies(label -> {
      assertThat(label.parcelId()).isEqualTo(request.parcels().get(0).parcelId());
      assertThat(label.label().content()).isNotEmpty();
      assertThat(label.masterTrackingNumber()).isEqualTo(label.trackingNumber());
    });
  }

  @Test
  void givenThreePackages_whenBuying_thenThreeDistinctLabelsOnePerPackage() {
    LabelRequest request = request(3);

    LabelPurchase purchase = gateway().purchaseLabels(request);

    assertThat(purchase.labels()).extracting(PurchasedLabel::parcelId)
        .containsExactlyElementsOf(request.parcels().stream().map(ParcelSpec::parcelId).toList());
    assertThat(purchase.labels()).extracting(PurchasedLabel::trackingNumber).doesNotHaveDuplicates();
  }

  @Test
  void givenThreeLabels_whenEachPackageIsCancelled_thenEveryLabelIsVoidWithoutError() {
    List<PurchasedLabel> labels = gateway().purchaseLabels(request(3)).labels();

    labels.forEach(label -> gateway().cancel(label.trackingNumber()));

    assertThat(labels).allSatisfy(label -> assertThat(isVoid(label.trackingNumber())).isTrue());
  }

  @Test
  void givenThreeLabels_whenTheShipmentIsCancelled_thenEachLabelIsVoidOnce() {
    List<PurchasedLabel> labels = gateway().purchaseLabels(request(3)).labels();
    long before = voidedLabels();

    gateway().cancelShipment(labels.stream().map(PurchasedLabel::reference).toList());

    assertThat(labels).allSatisfy(label -> assertThat(isVoid(label.trackingNumber())).isTrue());
    assertThat(voidedLabels() - before).isEqualTo(3);
  }

  @Test
  void givenLabelsAlreadyVoid_whenCancelledAgain_thenThatCountsAsDone() {
    List<PurchasedLabel> labels = gateway().purchaseLabels(request(2)).labels();
    gateway().cancelShipment(labels.stream().map(PurchasedLabel::reference).toList());
    long before = voidedLabels();

    gateway().cancelShipment(labels.stream().map(PurchasedLabel::reference).toList());
    labels.forEach(label -> gateway().cancel(label.trackingNumber()));

    assertThat(voidedLabels()).isEqualTo(before);
  }

  @Test
  void givenBoughtLabels_whenTracking_thenEachIsFoundWithItsLabelCreatedScan() {
    List<TrackingNumber> numbers = numbers(gateway().purchaseLabels(request(2)));

    List<TrackingReport> reports = gateway().track(numbers);

    assertThat(reports).extracting(TrackingReport::trackingNumber).containsExactlyElementsOf(numbers);
    assertThat(reports).allSatisfy(report -> {
      assertThat(report.found()).isTrue();
      assertThat(report.scans()).extracting(scan -> scan.type()).contains(TrackingEventType.LABEL_CREATED);
    });
  }

  @Test
  void givenANumberTheCarrierNeverSold_whenTracking_thenNotFoundWithTheCarriersReason() {
    TrackingReport report = gateway().track(List.of(unknownTrackingNumber())).get(0);

    assertThat(report.found()).isFalse();
    assertThat(report.scans()).isEmpty();
    assertThat(report.message()).isNotBlank();
  }

  @Test
  void givenAMixedBatch_whenTracking_thenEachNumberGetsItsOwnAnswerInOrder() {
    List<TrackingNumber> bought = numbers(gateway().purchaseLabels(request(2)));
    List<TrackingNumber> batch = List.of(bought.get(0), unknownTrackingNumber(), bought.get(1));

    List<TrackingReport> reports = gateway().track(batch);

    assertThat(reports).extracting(TrackingReport::trackingNumber).containsExactlyElementsOf(batch);
    assertThat(reports).extracting(TrackingReport::found).containsExactly(true, false, true);
  }

  @Test
  void givenMoreNumbersThanOneBatchHolds_whenTracking_thenEveryNumberIsAnsweredInOrder() {
    TrackingNumber known = numbers(gateway().purchaseLabels(request(1))).get(0);
    List<TrackingNumber> numbers = new ArrayList<>();
    numbers.add(known);
    for (int i = 1; i <= gateway().maxTrackingBatchSize(); i++) {
      numbers.add(i == gateway().maxTrackingBatchSize() ? known : unknownTrackingNumber(i));
    }

    List<TrackingReport> reports = gateway().track(numbers);

    assertThat(gateway().maxTrackingBatchSize()).isPositive();
    assertThat(reports).hasSize(numbers.size());
    assertThat(reports.get(0).found()).isTrue();
    assertThat(reports.get(reports.size() - 1).found()).isTrue();
    assertThat(reports.subList(1, reports.size() - 1)).noneMatch(TrackingReport::found);
  }

  @Test
  void givenAnAddressTheCarrierRefuses_whenBuying_thenRejectedForGood() {
    PostalAddress invalid = new PostalAddress(List.of("1 INVALID Road"), "New York", "NY", "10118", "US");

    assertThatExceptionOfType(CarrierRejectedException.class).isThrownBy(() -> gateway().purchaseLabels(
        request(1, invalid))).satisfies(rejected -> assertThat(rejected.isRetryable()).isFalse());
  }

  @Test
  void givenTheCarrierIsDown_whenTracking_thenUnavailableAndRetryable() {
    carrierGoesDown();

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway().track(List.of(unknownTrackingNumber())))
        .satisfies(unavailable -> assertThat(unavailable.isRetryable()).isTrue());
  }

  @Test
  void givenOurAccountIsRefused_whenBuying_thenAnAccountProblemNamingItsCause() {
    accountIsRefusedOnce();

    assertThatExceptionOfType(CarrierAccountException.class).isThrownBy(() -> gateway().purchaseLabels(request(1)))
        .satisfies(account -> assertThat(account.causeKey()).startsWith(gateway().carrier().wireName() + ":"));
  }

  /** Another number in the carrier's format that was never sold, for batches. */
  protected TrackingNumber unknownTrackingNumber(int variant) {
    String base = unknownTrackingNumber().value();
    String suffix = Integer.toString(variant);
    return TrackingNumber.of(base.substring(0, base.length() - suffix.length()) + suffix);
  }

  private static List<TrackingNumber> numbers(LabelPurchase purchase) {
    return purchase.labels().stream().map(PurchasedLabel::trackingNumber).toList();
  }
}

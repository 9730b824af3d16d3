package com.ostore.shipping.adapter.out.carrier.usps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UspsCarrierGatewayIT {
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private UspsSimulator usps;
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() {
    usps = new UspsSimulator("it-client", UspsTestData.SECRET, clock).start();
    gateway = new UspsCarrierGateway(UspsTestData.config(usps.baseUrl(), "it-client", UspsTestData.SECRET, clock));
  }

  @AfterEach
  void stop() {
    gateway.close();
    usps.close();
    assertThat(usps.counters().contractRejections()).as("requests the published contract refused").isZero();
  }

  @Test
  void aTwoPackageShipmentGetsTwoChargedLabelsAndAResumedAttemptIsNotChargedAgain() {
    List<PurchaseKey> stored = List.of(gateway.newPurchaseKey().orElseThrow(), gateway.newPurchaseKey().orElseThrow());

    LabelPurchase first = gateway.purchaseLabels(
        UspsTestData.withStoredKeys(UspsTestData.labelRequest("shipment-1001", 2, false), stored));
    LabelPurchase resumed = gateway.purchaseLabels(
        UspsTestData.withStoredKeys(UspsTestData.labelRequest("shipment-1001", 2, true), stored));

    assertThat(first.labels()).hasSize(2).allSatisfy(label -> {
      assertThat(label.trackingNumber().value()).hasSize(22).startsWith("9400");
      assertThat(label.label().content()).isNotEmpty();
    });
    assertThat(first.labels().get(0).trackingNumber()).isNotEqualTo(first.labels().get(1).trackingNumber());
    assertThat(resumed.labels()).extracting(PurchasedLabel::trackingNumber)
        .containsExactlyElementsOf(first.labels().stream().map(PurchasedLabel::trackingNumber).toList());
    assertThat(usps.counters().labelsCharged()).isEqualTo(2);
    assertThat(usps.counters().idempotentReplays()).isEqualTo(2);
    assertThat(usps.counters().paymentTokenCalls()).isEqualTo(1);
  }

  @Test
  void labelsAreTrackedToDeliveredAsTheClockMovesOn() {
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(UspsTestData.labelRequest("shipment-2002", 2, false)));

    assertThat(latest(gateway.track(numbers))).containsOnly(TrackingEventType.LABEL_CREATED);
    clock.advance(Duration.ofHours(37));
    assertThat(latest(gateway.track(numbers))).containsOnly(TrackingEventType.IN_TRANSIT);
    clock.advance(Duration.ofHours(12));
    assertThat(latest(gateway.track(numbers))).containsOnly(TrackingEventType.OUT_FOR_DELIVERY);
    clock.advance(Duration.ofHours(12));
    List<TrackingReport> delivered = gateway.track(numbers);

    assertThat(latest(delivered)).containsOnly(TrackingEventType.DELIVERED);
    assertThat(delivered.get(0).scans()).extracting(CarrierScan::rawCode).containsExactly("01", "OF", "T1", "10", "03", "GX");
    CarrierScan deliveredScan = delivered.get(0).scans().get(0);
    assertThat(deliveredScan.occurredAt().getOffset().getId()).isEqualTo("-05:00");
    assertThat(deliveredScan.location()).isEqualTo("NEW YORK, NY 10118");
    // The clock passed the 8 h token lifetimes, so both tokens were renewed on the way.
    assertThat(usps.counters().tokenCalls()).isGreaterThan(1);
  }

  @Test
  void fortyNumbersTakeTwoTrackingCalls() {
    List<TrackingNumber> numbers = IntStream.range(0, 40).mapToObj(i -> "94001234567890123456" + String.format("%02d", i))
        .peek(n -> usps.registerTrackingNumber(n, "DENVER", "CO", "80202")).map(TrackingNumber::of).toList();

    List<TrackingReport> reports = gateway.track(numbers);

    assertThat(reports).hasSize(40).allSatisfy(report -> assertThat(report.found()).isTrue());
    assertThat(reports).extracting(TrackingReport::trackingNumber).containsExactlyElementsOf(numbers);
    assertThat(usps.counters().trackingCalls()).isEqualTo(2);
    assertThat(gateway.maxTrackingBatchSize()).isEqualTo(35);
  }

  @Test
  void withV3r2SwitchedOffTheLegacyFallbackStillTracks() {
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(UspsTestData.labelRequest("shipment-3003", 2, false)));
    usps.v3r2Enabled(false);
    TrackingNumber unknown = TrackingNumber.of("9400999999999999999999");

    List<TrackingReport> reports = gateway.track(List.of(numbers.get(0), numbers.get(1), unknown));

    assertThat(reports.subList(0, 2)).allSatisfy(r -> assertThat(r.scans()).isNotEmpty());
    assertThat(reports.get(2).found()).isFalse();
    assertThat(reports.get(2).message()).contains("tracking number may be incorrect");
    assertThat(usps.counters().legacyTrackingCalls()).isEqualTo(3);
  }

  @Test
  void anOasValidationRejectionOfV3r2AlsoFallsBack() {
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(UspsTestData.labelRequest("shipment-3004", 1, false)));
    usps.v3r2RejectsRequestShape();

    assertThat(gateway.track(numbers).get(0).found()).isTrue();
    assertThat(usps.counters().legacyTrackingCalls()).isEqualTo(1);
  }

  @Test
  void underHeavyFaultsLabelsAndTrackingStillSucceed() {
    usps.faults().serviceUnavailableRate(0.3).tooManyRequestsRate(0.1).retryAfterSeconds(1).hangNext(1)
        .hangFor(Duration.ofSeconds(2));

    LabelPurchase purchase = gateway.purchaseLabels(UspsTestData.labelRequest("shipment-4004", 2, false));
    List<TrackingReport> reports = gateway.track(numbers(purchase));

    assertThat(reports).allSatisfy(r -> assertThat(r.found()).isTrue());
    assertThat(usps.counters().labelsCharged()).isEqualTo(2);
    assertThat(usps.faults().injected()).isPositive();
  }

  @Test
  void aScriptedExceptionAndAnInvalidAddressReachTheCaller() {
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(UspsTestData.labelRequest("shipment-5005", 1, false)));
    clock.advance(Duration.ofHours(1));
    usps.scriptScan(numbers.get(0).value(), "DX", "Delivery Status Not Updated");

    assertThat(latest(gateway.track(numbers))).containsOnly(TrackingEventType.EXCEPTION);
    PostalAddress invalid = new PostalAddress(List.of("1 INVALID Road"), "Nowhere", "NY", "10001", "US");
    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("shipment-6006", 1, false, invalid)))
        .withMessageContaining("Address Not Found");
  }

  private static List<TrackingNumber> numbers(LabelPurchase purchase) {
    return purchase.labels().stream().map(PurchasedLabel::trackingNumber).toList();
  }

  private static List<TrackingEventType> latest(List<TrackingReport> reports) {
    return reports.stream().map(r -> r.scans().get(0).type()).toList();
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.fedex.FedexSimulator;
import com.ostore.shipping.sandbox.fedex.FedexSimulatorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FedexCarrierGatewayIT {
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private FedexSimulator simulator;
  private FedexCarrierGateway gateway;

  @BeforeEach
  void start() {
    simulator = new FedexSimulator(FedexSimulatorSettings.of(FedexTestData.CLIENT_ID, FedexTestData.CLIENT_SECRET, clock)
        .withAccountNumber(FedexTestData.ACCOUNT)).start();
    gateway = gateway(FedexTestData.config(simulator.baseUrl(), clock));
  }

  private FedexCarrierGateway gateway(FedexConfig config) {
    if (gateway != null) {
      gateway.close();
    }
    gateway = new FedexCarrierGateway(config);
    return gateway;
  }

  @AfterEach
  void stop() {
    gateway.close();
    simulator.close();
    assertThat(simulator.counters().contractRejections()).as("requests the published contract refused").isZero();
  }

  @Test
  void aTwoPackageShipmentGetsTwoDistinctTrackingNumbersAndPdfLabels() {
    LabelPurchase purchase = gateway.purchaseLabels(FedexTestData.request("ship-2001", 2, false));

    assertThat(purchase.serviceType()).isEqualTo("FEDEX_GROUND");
    assertThat(purchase.labels()).hasSize(2);
    assertThat(purchase.labels()).extracting(label -> label.parcelId().value()).containsExactly(100_101L, 100_102L);
    assertThat(purchase.labels()).extracting(label -> label.trackingNumber().value())
        .doesNotHaveDuplicates().allMatch(number -> number.matches("\\d{12}"));
    assertThat(purchase.labels()).allSatisfy(label ->
        assertThat(new String(label.label().content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4").contains("%%EOF"));
    assertThat(simulator.counters().labelsCreated()).isEqualTo(2);
  }

  @Test
  void packagesAreTrackedFromLabelCreatedToDeliveredAsTheSimulatorClockMoves() {
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2002", 2, false)));

    assertThat(latestTypes(numbers)).containsOnly(TrackingEventType.LABEL_CREATED);
    clock.advance(Duration.ofHours(6));
    assertThat(latestTypes(numbers)).containsOnly(TrackingEventType.PICKED_UP);
    clock.advance(Duration.ofHours(6 * 4));
    assertThat(latestTypes(numbers)).containsOnly(TrackingEventType.OUT_FOR_DELIVERY);
    clock.advance(Duration.ofHours(6));
    List<TrackingReport> reports = gateway.track(numbers);

    assertThat(reports).allSatisfy(report -> {
      assertThat(report.scans()).extracting(CarrierScan::rawCode).containsExactly("DL", "OD", "DP", "AR", "IT", "PU", "OC");
      assertThat(report.scans()).allSatisfy(scan -> assertThat(scan.occurredAt().getOffset().getId()).isEqualTo("-05:00"));
      assertThat(report.scans().get(0).occurredAt().toInstant()).isEqualTo(clock.instant());
    });
    assertThat(simulator.counters().numbersTracked()).isEqualTo(8);
  }

  @Test
  void aScriptedDeliveryExceptionIsReportedAsAnException() {
    TrackingNumber number = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2003", 1, false))).get(0);
    clock.advance(Duration.ofHours(30));
    simulator.scriptException(number.value(), "DE", "Delivery exception");

    CarrierScan latest = newest(gateway.track(List.of(number)).get(0));

    assertThat(latest.type()).isEqualTo(TrackingEventType.EXCEPTION);
    assertThat(latest.rawCode()).isEqualTo("DE");
    assertThat(latest.details()).containsEntry("exceptionCode", "08");
  }

  @Test
  void trackingSucceedsThroughRetriesWhenAThirdOfCallsFailAndSomeAreThrottled() {
    gateway(FedexTestData.config(simulator.baseUrl(), clock).withResilience(FedexTestData.config("x", clock).resilience()
        .withRetries(8, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(2))
        .withBreaker(18, 20, Duration.ofSeconds(5))));
    List<TrackingNumber> numbers = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2004", 2, false)));
    simulator.faults().seed(7).serverErrorRate(0.3).throttleRate(0.1, 0);

    for (int i = 0; i < 25; i++) {
      assertThat(gateway.track(numbers)).allMatch(TrackingReport::found);
    }

    assertThat(simulator.counters().faultsInjected()).isGreaterThan(5);
    assertThat(simulator.counters().trackCalls()).isEqualTo(25);
  }

  @Test
  void resumingAnInterruptedPurchaseVoidsWhatTheFirstAttemptBoughtAndLeavesOneLiveLabelPerPackage() {
    List<TrackingNumber> orphans = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2005", 2, false)));

    List<TrackingNumber> bought = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2005", 2, true)));

    assertThat(orphans).allSatisfy(orphan -> assertThat(simulator.isCancelled(orphan.value())).isTrue());
    assertThat(simulator.liveTrackingNumbers("ship-2005"))
        .containsExactlyInAnyOrderElementsOf(bought.stream().map(TrackingNumber::value).toList());
    assertThat(bought).hasSize(2).doesNotContainAnyElementsOf(orphans);
  }

  @Test
  void aCreateThatTimesOutIsNotRetriedAndTheResumedPurchaseVoidsTheLabelItBought() {
    gateway.track(List.of(TrackingNumber.of("794600000001"))); // holds a token, so the hang hits the create call
    simulator.faults().hangsNext(1, Duration.ofMillis(1500));

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-2006", 2, false)));
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.counters().labelsCreated() == 2);
    List<TrackingNumber> bought = numbers(gateway.purchaseLabels(FedexTestData.request("ship-2006", 2, true)));

    assertThat(simulator.counters().createCalls()).isEqualTo(2);
    assertThat(simulator.counters().cancels()).isEqualTo(2);
    assertThat(simulator.liveTrackingNumbers("ship-2006"))
        .containsExactlyInAnyOrderElementsOf(bought.stream().map(TrackingNumber::value).toList());
  }

  @Test
  void anInvalidRecipientAddressIsRejectedWithFedExsMessage() {
    PostalAddress invalid = new PostalAddress(List.of("1 INVALID Road"), "Nowhere", "NY", "10118", "US");

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-2007", 1, false, invalid)))
        .withMessageContaining("RECIPIENTS.ADDRESS.INVALID");
    assertThat(simulator.counters().labelsCreated()).isZero();
  }

  @Test
  void wrongClientSecretIsAnAccountProblemKeyedByTheCredentials() {
    gateway(FedexConfig.defaults(simulator.baseUrl(), FedexTestData.CLIENT_ID,
            com.ostore.shipping.domain.support.Secret.of("wrong"), com.ostore.shipping.domain.support.Secret.of(
                FedexTestData.ACCOUNT), FedexTestData.config("x", clock).shipper()).withClock(clock));

    assertThatExceptionOfType(CarrierAccountException.class)
        .isThrownBy(() -> gateway.track(List.of(TrackingNumber.of("794600000001"))))
        .withMessageContaining("NOT.AUTHORIZED.ERROR")
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("fedex:credentials"));
  }

  private List<TrackingEventType> latestTypes(List<TrackingNumber> numbers) {
    return gateway.track(numbers).stream().map(report -> newest(report).type()).toList();
  }

  private static CarrierScan newest(TrackingReport report) {
    return report.scans().stream().max(Comparator.comparing(CarrierScan::occurredAt)).orElseThrow();
  }

  private static List<TrackingNumber> numbers(LabelPurchase purchase) {
    return purchase.labels().stream().map(PurchasedLabel::trackingNumber).toList();
  }
}

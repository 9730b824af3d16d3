package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9's FedEx rules over the simulator: recipients, multi-package cancel, reconciliation, account errors. */
class FedexLabelRulesIT {
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private FedexSimulator simulator;
  private FedexCarrierGateway gateway;

  @BeforeEach
  void start() {
    simulator = new FedexSimulator(FedexSimulatorSettings.of(FedexTestData.CLIENT_ID, FedexTestData.CLIENT_SECRET, clock)
        .withAccountNumber(FedexTestData.ACCOUNT)).start();
    gateway = new FedexCarrierGateway(FedexTestData.config(simulator.baseUrl(), clock));
  }

  @AfterEach
  void stop() {
    gateway.close();
    simulator.close();
    assertThat(simulator.counters().contractRejections()).isZero();
  }

  private static LabelRequest withRecipient(LabelRequest request, Recipient recipient, String service) {
    return new LabelRequest(request.shipmentId(), request.orderId(), request.reference(),
        request.resumingInterruptedAttempt(), request.destination(), recipient, service, request.labelFormat(),
        request.parcels());
  }

  @Test
  void givenARecipient_whenBuying_thenTheLabelIsAddressedToThem() {
    Recipient ada = new Recipient("Ada Lovelace", "Analytical Engines", "212-555-0100", "ada@example.com");

    PurchasedLabel label = gateway.purchaseLabels(withRecipient(FedexTestData.request("ship-3001", 1, false), ada, null))
        .labels().get(0);

    assertThat(simulator.addressee(label.trackingNumber().value())).isEqualTo("Ada Lovelace / Analytical Engines");
    assertThat(new String(label.label().content(), StandardCharsets.ISO_8859_1))
        .contains("SHIP TO: Ada Lovelace / Analytical Engines");
  }

  @Test
  void givenTheSeedsBodyWithoutRecipient_whenBuying_thenTheLabelCarriesTheConfiguredFallback() {
    PurchasedLabel label = gateway.purchaseLabels(FedexTestData.request("ship-3002", 1, false)).labels().get(0);

    assertThat(simulator.addressee(label.trackingNumber().value())).isEqualTo("OStore Customer");
  }

  @Test
  void givenThreePackagesWhoseMastersWereNotStored_whenEachIsCancelledChildFirst_thenEachIsVoidOnce() {
    List<PurchasedLabel> labels = gateway.purchaseLabels(FedexTestData.request("ship-3003", 3, false)).labels();

    gateway.cancelShipment(List.of(LabelReference.of(labels.get(2).trackingNumber()),
        LabelReference.of(labels.get(0).trackingNumber()), LabelReference.of(labels.get(1).trackingNumber())));

    assertThat(labels).allSatisfy(label -> assertThat(simulator.isCancelled(label.trackingNumber().value())).isTrue());
    assertThat(simulator.counters().cancels()).isEqualTo(3);
    assertThat(labels).extracting(PurchasedLabel::masterTrackingNumber).containsOnly(labels.get(0).trackingNumber());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void givenAResumedPurchaseAfterAnAttemptThatBoughtNothing_whenFedExAnswersNotFound_thenTheLabelIsBought(
      boolean answer404) {
    simulator.unknownReferencesAnswer404(answer404);

    List<PurchasedLabel> labels = gateway.purchaseLabels(FedexTestData.request("ship-3004", 2, true)).labels();

    assertThat(simulator.counters().referenceLookups()).isEqualTo(1);
    assertThat(simulator.liveTrackingNumbers("ship-3004")).hasSize(2)
        .containsExactlyInAnyOrderElementsOf(labels.stream().map(label -> label.trackingNumber().value()).toList());
  }

  @Test
  void givenAnAccountNumberFedExDoesNotKnow_whenBuying_thenAnAccountProblemKeyedByFedExsCode() {
    gateway.close();
    gateway = new FedexCarrierGateway(new FedexConfig(simulator.baseUrl(),
        FedexTestData.config("x", clock).shipCredentials(), null,
        com.ostore.shipping.domain.support.Secret.of("510087020"), FedexTestData.config("x", clock).shipper(),
        FedexShipmentDefaults.standard(), FedexTestData.config("x", clock).resilience(), clock));

    assertThatExceptionOfType(CarrierAccountException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-3005", 1, false)))
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("fedex:account:ACCOUNTNUMBER.REGISTRATION.REQUIRED"));
  }

  @Test
  void givenWhatFedExWouldRefuse_whenBuying_thenRejectedWithTheReasonBeforeAnyCall() {
    PostalAddress longCity = new PostalAddress(List.of("1 Main St"), "Llanfairpwllgwyngyllgogerychwyrndrob", "NY",
        "10118", "US");
    PostalAddress canada = new PostalAddress(List.of("1 Main St"), "Toronto", "ON", "M5V 2T6", "CA");

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-3006", 1, false, longCity)))
        .withMessageContaining("at most 35 characters per city");
    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-3006", 1, false, canada)))
        .withMessageContaining("need customs details");
    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(withRecipient(FedexTestData.request("ship-3006", 1, false), null,
            "FEDEX_TELEPORT")))
        .withMessageContaining("not a FedEx service type");
    assertThat(simulator.counters().createCalls()).isZero();
    assertThat(simulator.counters().tokenCalls()).isZero();
  }

  @Test
  void givenADeliveryDelayScan_whenTracking_thenAnExceptionMarkedAsADelay() {
    TrackingNumber number = gateway.purchaseLabels(FedexTestData.request("ship-3007", 1, false)).labels().get(0)
        .trackingNumber();
    clock.advance(Duration.ofHours(13));
    simulator.scriptException(number.value(), "DD", "Delivery delay");

    CarrierScan latest = gateway.track(List.of(number)).get(0).scans().stream()
        .max(Comparator.comparing(CarrierScan::occurredAt)).orElseThrow();

    assertThat(latest.type()).isEqualTo(TrackingEventType.EXCEPTION);
    assertThat(latest.details()).containsEntry("delay", "true");
  }
}

package com.ostore.shipping.adapter.out.carrier.usps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9's USPS rules over the simulator: recipients, stored purchase keys across days, account and
 * payment refusals, tracking "not found" and quota answers, and what is refused before any call.
 */
class UspsLabelRulesIT {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-05");
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private UspsSimulator usps;
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() {
    usps = new UspsSimulator("it-client", UspsTestData.SECRET, clock).start();
    gateway = gateway(UspsTestData.config(usps.baseUrl(), "it-client", UspsTestData.SECRET, clock));
  }

  private UspsCarrierGateway gateway(UspsConfig config) {
    if (gateway != null) {
      gateway.close();
    }
    gateway = new UspsCarrierGateway(config);
    return gateway;
  }

  @AfterEach
  void stop() {
    gateway.close();
    usps.close();
    assertThat(usps.counters().contractRejections()).isZero();
  }

  private static LabelRequest request(String reference, Recipient recipient, PurchaseKey key, boolean resuming) {
    ParcelSpec parcel = new ParcelSpec(ParcelId.of(100_101), Weight.pounds("2.5"), Dimensions.parse("12x8x4 in"), key);
    return new LabelRequest(UspsTestData.labelRequest(reference, 1, resuming).shipmentId(),
        UspsTestData.labelRequest(reference, 1, resuming).orderId(), reference, resuming,
        UspsTestData.labelRequest(reference, 1, resuming).destination(), recipient, null, null, List.of(parcel));
  }

  private static String text(PurchasedLabel label) {
    return new String(label.label().content(), StandardCharsets.UTF_8);
  }

  @Test
  void givenARecipient_whenBuying_thenTheLabelIsAddressedToThemAndTheSeedsBodyGetsTheFallbackFirm() {
    Recipient ada = new Recipient("Ada King Lovelace", "Analytical Engines", null, null);

    PurchasedLabel named = gateway.purchaseLabels(request("usps-4001", ada, null, false)).labels().get(0);
    PurchasedLabel seed = gateway.purchaseLabels(UspsTestData.labelRequest("usps-4002", 1, false)).labels().get(0);

    assertThat(text(named)).contains("SHIP TO: Ada King Lovelace / Analytical Engines");
    assertThat(text(seed)).contains("SHIP TO: OStore Customer");
  }

  @Test
  void givenAPurchaseInterruptedAndResumedTheSameDay_whenResumed_thenTheSameKeyAndBodyGetTheSameLabelUncharged() {
    PurchaseKey stored = gateway.newPurchaseKey().orElseThrow();

    PurchasedLabel first = gateway.purchaseLabels(request("usps-4003", null, stored, false)).labels().get(0);
    clock.advance(Duration.ofHours(9));
    PurchasedLabel resumed = gateway.purchaseLabels(request("usps-4003", null, stored, true)).labels().get(0);

    assertThat(stored.mailingDate()).isEqualTo(TODAY);
    assertThat(resumed.trackingNumber()).isEqualTo(first.trackingNumber());
    assertThat(resumed.purchaseKey()).isEqualTo(stored);
    assertThat(usps.counters().labelsCharged()).isEqualTo(1);
    assertThat(usps.counters().idempotentReplays()).isEqualTo(1);
  }

  @Test
  void givenAPurchaseResumedAfterItsMailingDatePassed_whenResumed_thenExactlyOneLiveLabelUnderANewKeyAndToday() {
    PurchaseKey stored = gateway.newPurchaseKey().orElseThrow();
    PurchasedLabel first = gateway.purchaseLabels(request("usps-4004", null, stored, false)).labels().get(0);
    clock.advance(Duration.ofDays(1));

    PurchasedLabel resumed = gateway.purchaseLabels(request("usps-4004", null, stored, true)).labels().get(0);
    PurchasedLabel resumedAgain = gateway.purchaseLabels(request("usps-4004", null, stored, true)).labels().get(0);

    assertThat(usps.liveTrackingNumbers("usps-4004")).containsExactly(resumed.trackingNumber().value());
    assertThat(usps.isCancelled(first.trackingNumber().value())).isTrue();
    assertThat(resumed.purchaseKey().mailingDate()).isEqualTo(TODAY.plusDays(1));
    assertThat(resumed.purchaseKey().idempotencyKey()).isNotEqualTo(stored.idempotencyKey());
    assertThat(resumedAgain.trackingNumber()).isEqualTo(resumed.trackingNumber());
  }

  @Test
  void givenAStoredKeyWhoseFirstAttemptNeverReachedUsps_whenResumedDaysLater_thenOneLabelIsBought() {
    PurchaseKey stored = new PurchaseKey(UUID.randomUUID(), TODAY);
    clock.advance(Duration.ofDays(3));

    gateway.purchaseLabels(request("usps-4005", null, stored, true));

    assertThat(usps.liveTrackingNumbers("usps-4005")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "100007 | Your Trust balance has insufficient funds. Please fund your Trust balance and try again.",
      "100005 | We are having trouble validating your credit card, please try again later.",
      "160225 | PAYER requires permitNumber when accountType is PERMIT"})
  void givenUspsRefusesOurPayment_whenBuying_thenAnAccountProblemKeyedByUspsCode(String code, String detail) {
    usps.faults().refuseNext("/payments/v3", 1, 400, code, detail);

    assertThatExceptionOfType(CarrierAccountException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("usps-4006", 1, false)))
        .withMessageContaining(detail)
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("usps:payment:" + code));
    assertThat(usps.counters().labelsCharged()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400 | 160302 | Must be enrolled in USPS Ship Outbound in order to create labels | usps:labels:160302",
      "403 | 403    | Forbidden                                                        | usps:forbidden:labels"})
  void givenUspsRefusesTheLabelForOurAccount_whenBuying_thenAnAccountProblem(int status, String code, String detail,
      String causeKey) {
    usps.faults().refuseNext("/labels/v3", 1, status, code, detail);

    assertThatExceptionOfType(CarrierAccountException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("usps-4007", 1, false)))
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo(causeKey));
  }

  @Test
  void givenNumbersUspsDoesNotKnow_whenTrackingTwice_thenNotFoundEachTimeWithoutFallingBackToOneByOne() {
    List<TrackingNumber> unknown = List.of(TrackingNumber.of("9400100000000000000001"),
        TrackingNumber.of("9400100000000000000002"));

    List<TrackingReport> first = gateway.track(unknown);
    List<TrackingReport> second = gateway.track(unknown);

    assertThat(first).noneMatch(TrackingReport::found);
    assertThat(second).noneMatch(TrackingReport::found);
    assertThat(first.get(0).message()).contains("150002");
    assertThat(usps.counters().legacyTrackingCalls()).isZero();
  }

  @Test
  void givenAQuota429WithoutRetryAfter_whenTracking_thenOneCallAndAWaitForTheQuotaWindow() {
    gateway(UspsTestData.config(usps.baseUrl(), "it-client", UspsTestData.SECRET, clock)
        .withRateLimits(new UspsRateLimits(60, 60, 60, Duration.ofHours(1), Duration.ofSeconds(1))));
    gateway.track(List.of(TrackingNumber.of("9400100000000000000001")));
    clock.advance(Duration.ofMinutes(20));
    usps.faults().retryAfterSeconds(0).tooManyRequestsNext(1);
    long callsBefore = usps.faults().injected();

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway.track(List.of(TrackingNumber.of("9400100000000000000001"))))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(40)));
    assertThat(usps.faults().injected() - callsBefore).isEqualTo(1);
  }

  @Test
  void givenWhatUspsWouldRefuse_whenBuying_thenRejectedWithTheReasonBeforeAnyCall() {
    PostalAddress longStreet = new PostalAddress(List.of("1" + " Very".repeat(10) + " Long Street"), "New York", "NY",
        "10118", "US");
    PostalAddress longCity = new PostalAddress(List.of("1 Main St"), "Llanfairpwllgwyngyllgogerychw", "NY", "10118", "US");
    LabelRequest madeUp = new LabelRequest(request("usps-4008", null, null, false).shipmentId(),
        request("usps-4008", null, null, false).orderId(), "usps-4008", false, longCity, null, "PRIORITY_TELEPORT", null,
        request("usps-4008", null, null, false).parcels());

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("usps-4008", 1, false, longStreet)))
        .withMessageContaining("at most 50 characters of street address");
    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("usps-4008", 1, false, longCity)))
        .withMessageContaining("at most 28 characters of city");
    assertThatExceptionOfType(CarrierRejectedException.class).isThrownBy(() -> gateway.purchaseLabels(madeUp))
        .withMessageContaining("not a USPS mail class");
    assertThat(usps.counters().tokenCalls()).isZero();
  }
}

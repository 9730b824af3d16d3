package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.adapter.out.alerting.PagerDutyAlerter;
import com.ostore.shipping.adapter.out.alerting.PagerDutyConfig;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingAlerter;
import com.ostore.shipping.bootstrap.e2e.OnCallStub;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The on-call rule under the interleavings a review found, each driven step by step over the real
 * database: PagerDuty failing, two instances checking at once, work finishing while its alert goes
 * out, a tracking task's next day, a carrier down for everyone.
 */
class AlertInterleavingsIT {
  private static final Duration PAST_ONE_DAY = Duration.ofDays(1).plusMinutes(1);
  /** Past a tracking run due within a day (plus half the 4 h spread) and then a day late. */
  private static final Duration A_DAY_OVERDUE = Duration.ofDays(2).plusHours(3);

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void givenPagerDutyAnswers503_whenWorkGoesStale_thenThePageIsSentAgainUnderTheSameKeyUntilPagerDutyAcceptsIt() {
    OnCallStub pagerDuty = open(new OnCallStub());
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(fedex).alerter(pagerDuty(pagerDuty))
        .start());
    createShipment(service, 701);
    fedex.nextPurchaseUnavailable(null);
    service.core().labelWork().processDueLabelTasks();
    pagerDuty.answerWith(503);

    clock.advance(PAST_ONE_DAY);
    service.core().staleWorkAlerts().alertOnStaleWork();
    assertThat(pagerDuty.requests("trigger")).isNotEmpty().noneMatch(OnCallStub.Received::accepted);
    pagerDuty.answerWith(202);
    for (int check = 0; check < 5; check++) {
      clock.advance(Duration.ofMinutes(30));
      service.core().staleWorkAlerts().alertOnStaleWork();
    }

    assertThat(pagerDuty.requests("trigger")).filteredOn(OnCallStub.Received::accepted).hasSize(1);
    List<String> keys = dedupKeys(pagerDuty.events("trigger"));
    assertThat(keys).hasSizeGreaterThan(1).containsOnly(keys.get(0));
    clock.advance(Duration.ofHours(1));
    service.core().labelWork().processDueLabelTasks();
    assertThat(pagerDuty.requests("resolve")).filteredOn(OnCallStub.Received::accepted)
        .extracting(r -> r.event().get("dedup_key").asText()).containsExactly(keys.get(0));
  }

  @Test
  void givenTwoInstances_whenBothCheckForStaleWorkWhileThePageIsUnderWay_thenOnCallIsPagedOnce() throws Exception {
    SlowPager first = new SlowPager();
    RecordingAlerter second = new RecordingAlerter();
    CoreOnDatabase one = open(CoreOnDatabase.on(database, clock).worker("instance-1").carriers(fedex).alerter(first)
        .start());
    CoreOnDatabase two = open(CoreOnDatabase.on(database, clock).worker("instance-2").carriers(fedex).alerter(second)
        .start());
    createShipment(one, 702);
    fedex.nextPurchaseUnavailable(null);
    one.core().labelWork().processDueLabelTasks();
    clock.advance(PAST_ONE_DAY);

    CompletableFuture<Integer> checkOnOne = CompletableFuture.supplyAsync(one.core().staleWorkAlerts()::alertOnStaleWork);
    first.firstTrigger.awaitReached();
    two.core().staleWorkAlerts().alertOnStaleWork();
    first.firstTrigger.release();
    checkOnOne.get(30, TimeUnit.SECONDS);

    assertThat(first.recorded.triggered().size() + second.triggered().size()).as("pages sent by both instances")
        .isEqualTo(1);
  }

  @Test
  void givenLabelWorkRunning_whenItsAlertGoesOutMeanwhileAndTheLabelIsBought_thenTheAlertIsResolved() throws Exception {
    PausingCarrier carrier = new PausingCarrier(fedex);
    RecordingAlerter onCall = new RecordingAlerter();
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(carrier).alerter(onCall).start());
    Shipment shipment = createShipment(service, 703);
    carrier.breakNextPurchase();
    service.core().labelWork().processDueLabelTasks();
    clock.advance(PAST_ONE_DAY);

    Pause purchase = carrier.pauseNextPurchase();
    CompletableFuture<Integer> labelWork =
        CompletableFuture.supplyAsync(service.core().labelWork()::processDueLabelTasks);
    purchase.awaitReached();
    service.core().staleWorkAlerts().alertOnStaleWork();
    purchase.release();
    labelWork.get(30, TimeUnit.SECONDS);

    assertThat(service.core().getShipment().getShipment(shipment.id()).status())
        .isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(onCall.triggered()).hasSize(1);
    assertThat(onCall.resolved()).containsExactly(onCall.triggered().get(0).dedupKey());
  }

  @Test
  void givenATrackingRunAlertedWhileItRuns_whenItSucceeds_thenTheAlertIsResolvedAndItsNextOverdueDayPagesAgain()
      throws Exception {
    PausingCarrier carrier = new PausingCarrier(fedex);
    RecordingAlerter onCall = new RecordingAlerter();
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(carrier).alerter(onCall).start());
    createShipment(service, 704);
    service.core().labelWork().processDueLabelTasks();
    clock.advance(A_DAY_OVERDUE);

    Pause tracking = carrier.pauseNextTrack();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(service.core().tracking()::trackDueOrders);
    tracking.awaitReached();
    service.core().staleWorkAlerts().alertOnStaleWork();
    tracking.release();
    run.get(30, TimeUnit.SECONDS);
    assertThat(onCall.triggered()).hasSize(1);
    assertThat(onCall.resolved()).containsExactly(onCall.triggered().get(0).dedupKey());

    clock.advance(A_DAY_OVERDUE);
    service.core().staleWorkAlerts().alertOnStaleWork();

    assertThat(onCall.triggered()).as("pages for the order's next, overdue tracking day").hasSize(2);
  }

  @Test
  void givenACarrierDownForEveryone_whenItsWorkGoesStale_thenOneAlertNamesTheCarrierAndIsResolvedWhenItAnswers() {
    RecordingAlerter onCall = new RecordingAlerter();
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(fedex).alerter(onCall).start());
    for (long order = 711; order <= 715; order++) {
      createShipment(service, order);
      fedex.nextPurchaseUnavailable(null);
    }
    service.core().labelWork().processDueLabelTasks();

    clock.advance(PAST_ONE_DAY);
    for (int shipment = 0; shipment < 5; shipment++) {
      fedex.nextPurchaseUnavailable(null);
    }
    service.core().labelWork().processDueLabelTasks();
    for (int check = 0; check < 3; check++) {
      service.core().staleWorkAlerts().alertOnStaleWork();
      clock.advance(Duration.ofMinutes(5));
    }

    assertThat(onCall.triggered()).singleElement().satisfies(alert -> {
      assertThat(alert.summary()).contains("fedex").contains("5");
      assertThat(alert.details()).containsEntry("carrier", "fedex");
    });
    clock.advance(Duration.ofHours(1));
    service.core().labelWork().processDueLabelTasks();
    assertThat(fedex.issuedNumbers()).hasSize(5);
    assertThat(onCall.resolved()).containsExactly(onCall.triggered().get(0).dedupKey());
  }

  private static PagerDutyAlerter pagerDuty(OnCallStub stub) {
    return new PagerDutyAlerter(new PagerDutyConfig(URI.create(stub.url()), Secret.of("routing-key-interleavings"),
        "interleavings-it", Duration.ofSeconds(5)));
  }

  private static Shipment createShipment(CoreOnDatabase service, long orderId) {
    return service.core().createShipment().createShipment(
        CreateShipmentCommand.of(OrderId.of(orderId), ShippingAddress.parse(US_ADDRESS)));
  }

  private static List<String> dedupKeys(List<JsonNode> events) {
    return events.stream().map(e -> e.get("dedup_key").asText()).toList();
  }

  /** Records every page; the first trigger stops at a pause, as if PagerDuty took its time to answer. */
  private static final class SlowPager implements OnCallAlerter {
    final RecordingAlerter recorded = new RecordingAlerter();
    final Pause firstTrigger = new Pause();

    @Override
    public OnCallDelivery trigger(OnCallAlert alert) {
      OnCallDelivery delivery = recorded.trigger(alert);
      firstTrigger.here();
      return delivery;
    }

    @Override
    public OnCallDelivery resolve(String dedupKey) {
      return recorded.resolve(dedupKey);
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }
}

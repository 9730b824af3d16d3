package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.SEED_ADDRESS;
import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.StoredTask.State;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaleWorkAlertServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final StaleWorkAlertService alerts = fixture.staleWorkAlerts();
  private final LabelTaskService labelWorker = fixture.labelWorker("worker-1");
  private final Logger pagerLog = (Logger) LoggerFactory.getLogger(OnCallPager.class);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  @Test
  void workStuckBehindACarrierOutageForMoreThanADayPagesOnceForTheCarrierHoweverOftenTheCheckRuns() {
    Shipment shipment = createShipment();
    fixture.fedex.nextPurchaseUnavailable(null);
    labelWorker.processDueLabelTasks();
    long taskId = fixture.tasks.get(TaskKind.CREATE_LABELS, shipment.id().value()).id();

    fixture.clock.set(T0.plus(Duration.ofDays(1)));
    assertThat(alerts.alertOnStaleWork()).as("exactly one day is not yet too long").isZero();
    fixture.clock.advance(Duration.ofSeconds(1));
    int raised = alerts.alertOnStaleWork();
    for (int run = 0; run < 10; run++) {
      fixture.clock.advance(Duration.ofMinutes(5));
      raised += alerts.alertOnStaleWork();
    }

    assertThat(raised).isEqualTo(1);
    assertThat(fixture.alerter.triggered()).singleElement().satisfies(alert -> {
      assertThat(alert.dedupKey()).isEqualTo("ostore-shipping-carrier-unavailable-fedex");
      assertThat(alert.summary()).startsWith("fedex is unavailable: 1 piece(s) of work")
          .contains("create_labels work for " + shipment.id());
      assertThat(alert.severity()).isEqualTo(OnCallAlert.Severity.CRITICAL);
      assertThat(alert.since()).isEqualTo(T0);
      assertThat(alert.details()).containsEntry("kind", "create_labels")
          .containsEntry("subjectId", shipment.id().toString())
          .containsEntry("attempts", "1")
          .containsEntry("carrier", "fedex")
          .containsEntry("staleTasks", "1");
      assertThat(alert.details().get("lastError")).contains("503");
    });
  }

  @Test
  void freshWorkAndWorkOnScheduleRaiseNothing() {
    createShipment();
    fixture.clock.advance(Duration.ofHours(23));
    assertThat(alerts.alertOnStaleWork()).isZero();

    labelWorker.processDueLabelTasks();
    TrackingService tracking = fixture.trackingWorker("tracker-1");
    for (int day = 0; day < 5; day++) {
      fixture.clock.advance(Duration.ofHours(26));
      tracking.trackDueOrders();
      alerts.alertOnStaleWork();
    }

    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 123).state()).isEqualTo(State.WAITING);
    assertThat(fixture.alerter.triggered()).isEmpty();
  }

  @Test
  void whenTheStuckWorkFinallySucceedsItsAlertIsResolvedWithTheSameKey() {
    Shipment shipment = createShipment();
    fixture.fedex.nextPurchaseUnavailable(null);
    labelWorker.processDueLabelTasks();
    fixture.clock.advance(Duration.ofDays(2));
    alerts.alertOnStaleWork();

    assertThat(labelWorker.processDueLabelTasks()).isEqualTo(1);
    alerts.alertOnStaleWork();

    assertThat(fixture.shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    String key = fixture.alerter.triggered().get(0).dedupKey();
    assertThat(fixture.alerter.resolved()).containsExactly(key);
    assertThat(fixture.alerter.triggered()).hasSize(1);
  }

  @Test
  void trackingStuckBehindACarrierOutageIsResolvedByTheNextSuccessfulRun() {
    fixture.labelledShipment(9, CarrierCode.FEDEX, 1);
    TrackingService tracking = fixture.trackingWorker("tracker-1");
    fixture.clock.advance(Duration.ofHours(26));
    fixture.fedex.trackingDown(true);
    for (int hour = 0; hour < 30; hour++) {
      tracking.trackDueOrders();
      alerts.alertOnStaleWork();
      fixture.clock.advance(Duration.ofHours(1));
    }
    assertThat(fixture.alerter.triggered()).hasSize(1);
    fixture.fedex.trackingDown(false);

    fixture.clock.advance(Duration.ofHours(1));
    tracking.trackDueOrders();

    assertThat(fixture.alerter.resolved()).containsExactly(fixture.alerter.triggered().get(0).dedupKey());
    assertThat(fixture.alerts.openCauses()).isEmpty();
  }

  @Test
  void workStuckForItsOwnReasonPagesUnderItsOwnKey() {
    Shipment shipment = createShipment();
    fixture.fedex.duringNextPurchase(() -> {
      throw new IllegalStateException("adapter defect");
    });
    labelWorker.processDueLabelTasks();
    long taskId = fixture.tasks.get(TaskKind.CREATE_LABELS, shipment.id().value()).id();

    fixture.clock.advance(Duration.ofDays(2));
    alerts.alertOnStaleWork();

    assertThat(fixture.alerter.triggered()).singleElement().satisfies(alert -> {
      assertThat(alert.dedupKey()).isEqualTo("ostore-shipping-task-" + taskId);
      assertThat(alert.summary()).startsWith("create_labels work for " + shipment.id());
      assertThat(alert.details()).containsEntry("lastError", "java.lang.IllegalStateException: adapter defect")
          .doesNotContainKey("carrier");
    });
  }

  @Test
  void givenThePagerRefusesThePage_thenItIsSentAgainUnderTheSameKeyWithBackoffUntilAcceptedAndLoggedMeanwhile() {
    createShipment();
    fixture.fedex.nextPurchaseUnavailable(null);
    labelWorker.processDueLabelTasks();
    fixture.alerter.unavailable(true);
    fixture.clock.advance(Duration.ofDays(2));
    List<ILoggingEvent> log = captureLog();

    alerts.alertOnStaleWork();
    alerts.alertOnStaleWork();
    assertThat(fixture.alerter.triggered()).as("no second try before the backoff").hasSize(1);
    fixture.clock.advance(Duration.ofSeconds(10));
    alerts.alertOnStaleWork();
    fixture.alerter.unavailable(false);
    fixture.clock.advance(Duration.ofSeconds(20));
    alerts.alertOnStaleWork();
    for (int run = 0; run < 5; run++) {
      fixture.clock.advance(Duration.ofMinutes(10));
      alerts.alertOnStaleWork();
    }

    assertThat(fixture.alerter.triggered()).hasSize(3).extracting(OnCallAlert::dedupKey)
        .containsOnly("ostore-shipping-carrier-unavailable-fedex");
    assertThat(fixture.alerts.all()).singleElement().satisfies(state -> {
      assertThat(state.deliveredAt()).isEqualTo(fixture.clock.instant().minus(Duration.ofMinutes(50)));
      assertThat(state.resolvedAt()).isNull();
    });
    assertThat(log).filteredOn(e -> e.getLevel() == Level.ERROR)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.contains("oncall_alert action=trigger dedupKey=ostore-shipping-carrier-unavailable-fedex")
            && m.contains("summary="))
        .filteredOn(m -> m.contains("NOT accepted by the pager")).hasSize(2)
        .allMatch(m -> m.contains("HTTP 503") && m.contains("fedex is unavailable"));
  }

  /** The pager's log lines from now on (the test configuration silences this package otherwise). */
  private List<ILoggingEvent> captureLog() {
    pagerLog.setLevel(Level.INFO);
    pagerLog.addAppender(captured);
    captured.start();
    return captured.list;
  }

  @AfterEach
  void stopCapturingLog() {
    pagerLog.detachAppender(captured);
    pagerLog.setLevel(null);
  }

  private Shipment createShipment() {
    return fixture.createService().createShipment(
        CreateShipmentCommand.of(OrderId.of(123), ShippingAddress.parse(SEED_ADDRESS)));
  }
}

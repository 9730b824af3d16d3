package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.SEED_ADDRESS;
import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class StaleWorkAlertServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final StaleWorkAlertService alerts = fixture.staleWorkAlerts();
  private final LabelTaskService labelWorker = fixture.labelWorker("worker-1");

  @Test
  void workStuckForMoreThanADayPagesOnceHoweverOftenTheCheckRuns() {
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
      assertThat(alert.dedupKey()).isEqualTo("ostore-shipping-task-" + taskId);
      assertThat(alert.severity()).isEqualTo(OnCallAlert.Severity.CRITICAL);
      assertThat(alert.since()).isEqualTo(T0);
      assertThat(alert.details()).containsEntry("kind", "create_labels")
          .containsEntry("subjectId", shipment.id().toString())
          .containsEntry("attempts", "1");
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
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 9).alertedAt()).isNull();
  }

  private Shipment createShipment() {
    return fixture.createService().createShipment(
        CreateShipmentCommand.of(OrderId.of(123), ShippingAddress.parse(SEED_ADDRESS)));
  }
}

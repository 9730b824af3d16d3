package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.service.LabelTaskService;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingAlerter;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §2: a payment or account refusal is not the shipments' fault. Over one real database, two
 * instances working 100 shipments leave them pending, page on-call once for the cause, spend one carrier
 * call per pause interval instead of one per shipment, and resolve the page and buy every label once
 * the carrier answers again.
 */
class AccountPauseIT {
  private static final String CAUSE = "fedex:account:ACCOUNTNUMBER.SUSPENDED";
  private static final int SHIPMENTS = 100;

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final RecordingAlerter onCall = new RecordingAlerter();

  @Test
  void accountRefusalsOn100ShipmentsAcrossTwoInstancesPageOnceAndCostOneProbePerInterval() {
    try (CoreOnDatabase first = CoreOnDatabase.on(database, clock).worker("instance-1").carriers(fedex)
            .alerter(onCall).start();
        CoreOnDatabase second = CoreOnDatabase.on(database, clock).worker("instance-2").carriers(fedex)
            .alerter(onCall).start()) {
      List<Shipment> shipments = new ArrayList<>();
      for (int i = 0; i < SHIPMENTS; i++) {
        CoreOnDatabase via = i % 2 == 0 ? first : second;
        shipments.add(via.core().createShipment().createShipment(
            CreateShipmentCommand.of(OrderId.of(1000 + i), ShippingAddress.parse(US_ADDRESS))));
      }
      fedex.nextPurchaseAccountRefused(CAUSE).nextPurchaseAccountRefused(CAUSE);

      workUntilIdle(first, second);

      assertThat(fedex.purchaseRequests()).as("one call found the refusal; the rest waited").hasSize(1);
      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.PENDING);
      assertThat(onCall.triggered()).singleElement().satisfies(alert -> assertThat(alert.dedupKey()).isEqualTo(CAUSE));

      clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL.minusSeconds(1));
      workUntilIdle(first, second);
      assertThat(fedex.purchaseRequests()).as("no call before the pause ends").hasSize(1);

      clock.advance(Duration.ofSeconds(1));
      workUntilIdle(first, second);
      assertThat(fedex.purchaseRequests()).as("one probe for the interval, still refused").hasSize(2);
      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.PENDING);
      assertThat(onCall.triggered()).hasSize(1);
      assertThat(onCall.resolved()).isEmpty();

      clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL);
      workUntilIdle(first, second);

      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.LABEL_CREATED);
      assertThat(fedex.purchaseRequests()).as("the probe that worked, then each shipment once").hasSize(2 + SHIPMENTS);
      assertThat(onCall.triggered()).hasSize(1);
      assertThat(onCall.resolved()).containsExactly(CAUSE);
    }
  }

  /** The two instances take turns until neither finds due label work. */
  private static void workUntilIdle(CoreOnDatabase first, CoreOnDatabase second) {
    int done;
    do {
      done = first.core().labelWork().processDueLabelTasks() + second.core().labelWork().processDueLabelTasks();
    } while (done > 0);
  }

  private static List<ShipmentStatus> statuses(CoreOnDatabase service, List<Shipment> shipments) {
    return shipments.stream().map(s -> service.core().getShipment().getShipment(s.id()).status()).distinct().toList();
  }
}

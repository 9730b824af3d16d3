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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §2: a payment or account refusal is not the shipments' fault. Two instances over one real
 * database, each with two label workers, work 100 shipments at the same time: the shipments stay
 * pending, on-call is paged once for the cause, the carrier gets one probe per pause interval instead of
 * one call per shipment (before the pause is recorded, at most one call per worker running at that
 * moment), and once the carrier answers again the page is resolved and every label is bought once.
 */
class AccountPauseIT {
  private static final String CAUSE = "fedex:account:ACCOUNTNUMBER.SUSPENDED";
  private static final int SHIPMENTS = 100;
  private static final int WORKERS_PER_INSTANCE = 2;

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final RecordingAlerter onCall = new RecordingAlerter();
  private final ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_INSTANCE);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void accountRefusalsOn100ShipmentsAcrossTwoConcurrentInstancesPageOnceAndCostOneProbePerInterval()
      throws Exception {
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
      fedex.accountRefusedUntilFixed(CAUSE);

      workConcurrentlyUntilIdle(first, second);

      int beforeThePause = fedex.purchaseRequests().size();
      assertThat(beforeThePause).as("calls before the pause was recorded: at most one per running worker")
          .isBetween(1, 2 * WORKERS_PER_INSTANCE);
      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.PENDING);
      assertThat(onCall.triggered()).singleElement().satisfies(alert -> assertThat(alert.dedupKey()).isEqualTo(CAUSE));

      clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL.minusSeconds(1));
      workConcurrentlyUntilIdle(first, second);
      assertThat(fedex.purchaseRequests()).as("no call before the pause ends").hasSize(beforeThePause);

      clock.advance(Duration.ofSeconds(1));
      workConcurrentlyUntilIdle(first, second);
      assertThat(fedex.purchaseRequests()).as("one probe for the interval, still refused").hasSize(beforeThePause + 1);
      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.PENDING);
      assertThat(onCall.triggered()).hasSize(1);
      assertThat(onCall.resolved()).isEmpty();

      fedex.accountFixed();
      clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL);
      workConcurrentlyUntilIdle(first, second);
      // Work claimed by another worker while the probe was in flight waits for the next interval.
      clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL);
      workConcurrentlyUntilIdle(first, second);

      assertThat(statuses(first, shipments)).containsOnly(ShipmentStatus.LABEL_CREATED);
      assertThat(fedex.purchaseRequests()).as("the refused calls, then each shipment once")
          .hasSize(beforeThePause + 1 + SHIPMENTS);
      assertThat(fedex.issuedNumbers()).hasSize(SHIPMENTS);
      assertThat(onCall.triggered()).hasSize(1);
      assertThat(onCall.resolved()).containsExactly(CAUSE);
    }
  }

  /**
   * Rounds in which every worker of both instances looks for due label work at the same moment, until a
   * round in which none found any.
   */
  private void workConcurrentlyUntilIdle(CoreOnDatabase first, CoreOnDatabase second) throws Exception {
    List<CoreOnDatabase> instances = new ArrayList<>();
    for (int i = 0; i < WORKERS_PER_INSTANCE; i++) {
      instances.add(first);
      instances.add(second);
    }
    int done;
    do {
      CyclicBarrier together = new CyclicBarrier(instances.size());
      List<Future<Integer>> round = new ArrayList<>();
      for (CoreOnDatabase instance : instances) {
        round.add(workers.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return instance.core().labelWork().processDueLabelTasks();
        }));
      }
      done = 0;
      for (Future<Integer> worker : round) {
        done += worker.get(60, TimeUnit.SECONDS);
      }
    } while (done > 0);
  }

  private static List<ShipmentStatus> statuses(CoreOnDatabase service, List<Shipment> shipments) {
    return shipments.stream().map(s -> service.core().getShipment().getShipment(s.id()).status()).distinct().toList();
  }
}

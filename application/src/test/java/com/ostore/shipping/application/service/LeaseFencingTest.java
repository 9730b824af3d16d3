package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.DEFAULT_PARCEL;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.PausedPurchase;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Label work whose lease changes hands while a purchase is under way, each interleaving driven step by
 * step with the test clock and paused purchases. What counts is what the store pays for: the labels
 * the carrier sold and nobody voided, exactly one per package, and those are the ones recorded.
 */
class LeaseFencingTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final Duration lease = fixture.settings.lease();
  private final LabelTaskService first = fixture.labelWorker("worker-1");
  private final LabelTaskService second = fixture.labelWorker("worker-2");
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void givenTasksClaimedInOneBatchBehindASlowPurchase_whenTheBatchOutlivesItsFirstLease_thenNoOtherWorkerBuysThemAgain() {
    Shipment slow = createShipment(10, CarrierCode.FEDEX, 1);
    Shipment waiting = createShipment(11, CarrierCode.FEDEX, 2);
    PausedPurchase slowPurchase = PausedPurchase.of(fixture.fedex, reference(slow));
    PausedPurchase takeOver = PausedPurchase.of(fixture.fedex, reference(waiting));
    PausedPurchase secondPurchase = PausedPurchase.of(fixture.fedex, reference(waiting));

    CompletableFuture<Integer> firstRun = inThread(first::processDueLabelTasks);
    slowPurchase.awaitSold();
    fixture.clock.advance(lease.minusSeconds(10));
    first.renewLeases();
    fixture.clock.advance(Duration.ofSeconds(20));
    CompletableFuture<Integer> secondRun = inThread(second::processDueLabelTasks);
    await().atMost(Duration.ofSeconds(30)).until(() -> secondRun.isDone() || takeOver.isSold());
    slowPurchase.answer();
    // The first worker reaches the waiting shipment while the second one's purchase of it (if any) is unanswered.
    await().atMost(Duration.ofSeconds(30))
        .until(() -> secondPurchase.isSold() || (secondRun.isDone() && takeOver.isSold()));
    takeOver.answer();
    secondPurchase.answer();
    join(firstRun, secondRun);

    assertThat(fixture.fedex.purchasesFor(reference(waiting))).isEqualTo(1);
    assertOneLiveLabelPerPackage(fixture.fedex, slow, waiting);
  }

  @Test
  void givenALeaseThatRanOutMidPurchase_whenAnotherWorkerBoughtAndRecorded_thenTheLateWorkerRecordsNothingAndVoidsItsLabels() {
    Shipment shipment = createShipment(20, CarrierCode.FEDEX, 2);
    PausedPurchase late = PausedPurchase.of(fixture.fedex, reference(shipment));

    CompletableFuture<Integer> lateRun = inThread(first::processDueLabelTasks);
    late.awaitSold();
    // No renewal reached the queue meanwhile (a long pause, the database out of reach).
    fixture.clock.advance(lease.plusSeconds(1));
    assertThat(second.processDueLabelTasks()).isEqualTo(1);
    late.answer();
    join(lateRun);

    assertOneLiveLabelPerPackage(fixture.fedex, shipment);
    assertThat(fixture.fedex.cancelled()).hasSize(2);
    assertThat(fixture.outbox.ofType("label_created")).hasSize(2);
  }

  @Test
  void givenTwoThreadsOfOneWorker_whenOneReclaimsTheTaskWhoseLeaseTheOtherLost_thenOnlyTheNewClaimRecordsAndStaysRenewed() {
    Shipment shipment = createShipment(30, CarrierCode.FEDEX, 2);
    PausedPurchase stale = PausedPurchase.of(fixture.fedex, reference(shipment));
    PausedPurchase current = PausedPurchase.of(fixture.fedex, reference(shipment));

    CompletableFuture<Integer> staleThread = inThread(first::processDueLabelTasks);
    stale.awaitSold();
    fixture.clock.advance(lease.plusSeconds(1));
    CompletableFuture<Integer> currentThread = inThread(first::processDueLabelTasks);
    current.awaitSold();
    stale.answer();
    join(staleThread);
    fixture.clock.advance(lease.minusSeconds(30));
    first.renewLeases();
    fixture.clock.advance(Duration.ofSeconds(60));
    assertThat(fixture.labelWorker("worker-3").processDueLabelTasks()).as("the current claim is still renewed")
        .isZero();
    current.answer();
    join(currentThread);

    assertOneLiveLabelPerPackage(fixture.fedex, shipment);
    assertThat(fixture.outbox.ofType("label_created")).hasSize(2);
  }

  @Test
  void givenARenewalThatFoundTheLeasesGone_whenTheWorkerReachesTheNextTaskOfItsBatch_thenItDoesNotBuyIt() {
    Shipment running = createShipment(40, CarrierCode.FEDEX, 1);
    Shipment next = createShipment(41, CarrierCode.FEDEX, 1);
    PausedPurchase firstPurchase = PausedPurchase.of(fixture.fedex, reference(running));
    PausedPurchase takenOver = PausedPurchase.of(fixture.fedex, reference(running));

    CompletableFuture<Integer> firstRun = inThread(first::processDueLabelTasks);
    firstPurchase.awaitSold();
    fixture.clock.advance(lease.plusSeconds(1));
    CompletableFuture<Integer> secondRun = inThread(second::processDueLabelTasks);
    takenOver.awaitSold();
    first.renewLeases();
    firstPurchase.answer();
    join(firstRun);

    assertThat(fixture.fedex.purchasesFor(reference(next))).as("bought after the lease was found gone").isZero();
    takenOver.answer();
    join(secondRun);
    assertOneLiveLabelPerPackage(fixture.fedex, running, next);
  }

  @Test
  void givenAUspsPurchaseRepeatedByIdempotencyKey_whenTheLateWorkerHearsAfterTheHolderRecorded_thenItKeepsTheLiveLabel() {
    fixture.usps.replaysRepeatedPurchases();
    Shipment shipment = createShipment(50, CarrierCode.USPS, 2);
    PausedPurchase late = PausedPurchase.of(fixture.usps, reference(shipment));

    CompletableFuture<Integer> lateRun = inThread(first::processDueLabelTasks);
    late.awaitSold();
    fixture.clock.advance(lease.plusSeconds(1));
    assertThat(second.processDueLabelTasks()).isEqualTo(1);
    late.answer();
    join(lateRun);

    assertThat(fixture.usps.cancelled()).as("the late worker got the holder's own labels back").isEmpty();
    assertOneLiveLabelPerPackage(fixture.usps, shipment);
  }

  @Test
  void givenAUspsPurchaseRepeatedByIdempotencyKey_whenTheLateWorkerHearsBeforeTheHolderRecorded_thenItKeepsTheLabels() {
    fixture.usps.replaysRepeatedPurchases();
    Shipment shipment = createShipment(51, CarrierCode.USPS, 2);
    PausedPurchase late = PausedPurchase.of(fixture.usps, reference(shipment));
    PausedPurchase holder = PausedPurchase.of(fixture.usps, reference(shipment));

    CompletableFuture<Integer> lateRun = inThread(first::processDueLabelTasks);
    late.awaitSold();
    fixture.clock.advance(lease.plusSeconds(1));
    CompletableFuture<Integer> holderRun = inThread(second::processDueLabelTasks);
    holder.awaitSold();
    late.answer();
    join(lateRun);
    assertThat(fixture.usps.cancelled()).as("voided while the holder was getting the same labels").isEmpty();
    holder.answer();
    join(holderRun);

    assertOneLiveLabelPerPackage(fixture.usps, shipment);
  }

  @Test
  void givenATrackingRunWhoseLeasesWereAllTakenOver_whenItsRenewalFindsThatOut_thenItStopsAskingTheCarrier() {
    LeaseService leases = new LeaseService(fixture.tasks, "tracker-1", lease, fixture.clock);
    TrackingService tracker = new TrackingService(fixture.storage(), fixture.carriers, fixture.alerter,
        fixture.settings, 100, leases, fixture.clock);
    for (long order = 60; order < 67; order++) {
      fixture.labelledShipment(order, CarrierCode.FEDEX, 10);
    }
    fixture.clock.advance(Duration.ofHours(26));
    fixture.fedex.duringNextTrack(() -> {
      fixture.clock.advance(lease.plusSeconds(1));
      fixture.trackingWorker("tracker-2").trackDueOrders();
      leases.renewLeases();
    });

    assertThat(tracker.trackDueOrders()).isEqualTo(7);

    assertThat(fixture.fedex.trackBatches()).as("the first run's first batch, then the second run's three")
        .extracting(List::size).containsExactly(30, 30, 30, 10);
  }

  @Test
  void givenATrackingRunAskingItsSecondCarrier_whenTheFirstCarriersOrdersAreRecorded_thenTheyStopCountingAsRunningAndNoneIsLost() {
    LeaseService leases = new LeaseService(fixture.tasks, "tracker-1", lease, fixture.clock);
    TrackingService tracker = new TrackingService(fixture.storage(), fixture.carriers, fixture.alerter,
        fixture.settings, 100, leases, fixture.clock);
    List<Long> fedexOrders = List.of(70L, 71L, 72L);
    fedexOrders.forEach(order -> fixture.labelledShipment(order, CarrierCode.FEDEX, 1));
    fixture.labelledShipment(80, CarrierCode.USPS, 1);
    fixture.clock.advance(Duration.ofHours(26));
    List<Integer> runningWhileAskingUsps = new ArrayList<>();
    fixture.usps.duringNextTrack(() -> {
      await().atMost(Duration.ofSeconds(30)).until(() -> fedexOrders.stream()
          .allMatch(order -> fixture.tasks.get(TaskKind.TRACK_ORDER, order).state() == StoredTask.State.WAITING));
      leases.renewLeases();
      runningWhileAskingUsps.add(leases.runningCount());
    });

    assertThat(tracker.trackDueOrders()).isEqualTo(4);

    assertThat(runningWhileAskingUsps).as("only the USPS order was still running once FedEx's were recorded")
        .containsExactly(1);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 80).state()).as("the renewal kept the USPS order's lease")
        .isEqualTo(StoredTask.State.WAITING);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 80).runAt()).isAfter(fixture.clock.instant());
  }

  private void assertOneLiveLabelPerPackage(FakeCarrierGateway carrier, Shipment... shipments) {
    List<TrackingNumber> recorded = new ArrayList<>();
    int packages = 0;
    for (Shipment shipment : shipments) {
      List<Parcel> parcels = fixture.shipments.get(shipment.id()).parcels();
      packages += parcels.size();
      parcels.forEach(p -> recorded.add(p.trackingNumber()));
    }
    assertThat(recorded).as("recorded labels").hasSize(packages).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(carrier.liveNumbers()).as("labels the carrier sold and nobody voided")
        .containsExactlyInAnyOrderElementsOf(recorded);
  }

  private Shipment createShipment(long order, CarrierCode carrier, int parcels) {
    return fixture.createService().createShipment(new CreateShipmentCommand(OrderId.of(order),
        ShippingAddress.parse(US_ADDRESS), carrier, null, Collections.nCopies(parcels, DEFAULT_PARCEL)));
  }

  private static String reference(Shipment shipment) {
    return "ostore-shipment-" + shipment.id();
  }

  private CompletableFuture<Integer> inThread(IntSupplier work) {
    return CompletableFuture.supplyAsync(work::getAsInt, threads);
  }

  @SafeVarargs
  private static void join(CompletableFuture<Integer>... runs) {
    for (CompletableFuture<Integer> run : runs) {
      try {
        run.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("a worker run did not finish", e);
      }
    }
  }
}

package com.ostore.shipping.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database share a large pile of work: every shipment's label work, then one
 * day's tracking of every order. Each task must be done once, and no task may ever have two live
 * holders: checked from the carriers' books and from an audit of every claim the database saw.
 */
class TwoInstancesFaultIT {
  private static final int TASKS = FaultSizes.pick(150, 10_000);
  // A tracking budget that lets the whole day's tracking run at once (the defaults spread 60 USPS calls an hour).
  private static final Map<String, String> INSTANCE = Map.of("LABEL_WORKERS", "4", "TASK_LEASE", "10s",
      "FEDEX_TRACKING_CALLS_PER_HOUR", "100000", "USPS_TRACKING_CALLS_PER_HOUR", "100000");

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private static ServiceUnderTest first;
  private static ServiceUnderTest second;
  private static LeaseAudit audit;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
    first = ServiceUnderTest.start(sandbox, clock, ShipmentLoad.unthrottled(INSTANCE));
    audit = LeaseAudit.install(database);
    second = ServiceUnderTest.start(sandbox, clock, ShipmentLoad.unthrottled(INSTANCE));
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    orderManagement.close();
    sandbox.close();
  }

  @Test
  void everyTaskIsDoneOnceAndNeverHasTwoLiveHolders() {
    AtomicLong turn = new AtomicLong();
    Instant started = Instant.now();
    ShipmentLoad load = new ShipmentLoad(() -> (turn.incrementAndGet() % 2 == 0 ? first : second).server().port(),
        sandbox.apiKey(), Duration.ofMillis(2), 20_000).limitedTo(TASKS);
    try {
      load.start();
      await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> load.attempts() >= TASKS);
    } finally {
      load.close();
    }
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(2, 20)));
    Duration labelling = Duration.between(started, Instant.now());
    int shipments = database.shipmentStatuses().size();
    long fedexPackagesTrackedBefore = sandbox.fedex().counters().numbersTracked();
    long uspsPackagesTrackedBefore = sandbox.usps().counters().numbersTracked();

    // A day later every order is due for tracking; both instances run it.
    clock.advance(Duration.ofDays(1).plusHours(1));
    Instant trackedAt = clock.instant();
    await().atMost(Duration.ofMinutes(FaultSizes.pick(2, 20))).pollInterval(Duration.ofMillis(250)).until(() -> {
      List<ServiceDatabase.TaskRow> tracking = database.ofKind("track_order");
      return tracking.size() == shipments
          && tracking.stream().allMatch(t -> t.state().equals("ready") && t.runAt().isAfter(trackedAt));
    });
    // The tracking's events are relayed after their transactions commit: the outcome counts them once received.
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(2, 20)));

    Map<String, Long> perCarrier = database.shipmentsPerCarrier();
    long fedexPackages = database.trackingNumbersOf("fedex").size();
    long uspsPackages = database.trackingNumbersOf("usps").size();
    List<ServiceDatabase.TaskRow> labelTasks = database.ofKind("create_labels");
    long labelTasksNotDoneOnce = labelTasks.stream()
        .filter(t -> !t.state().equals("done") || t.attempts() != 1).count();
    long fedexExtraCalls = sandbox.fedex().counters().createCalls() - perCarrier.getOrDefault("fedex", 0L);
    long uspsExtraCharges = sandbox.usps().counters().labelsCharged() - uspsPackages;
    long extraTracking = sandbox.fedex().counters().numbersTracked() - fedexPackagesTrackedBefore - fedexPackages
        + sandbox.usps().counters().numbersTracked() - uspsPackagesTrackedBefore - uspsPackages;
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());

    FaultReport report = new FaultReport("two instances, one database")
        .checked(TASKS + " shipments created through two instances, then a day of tracking for every order")
        .checked("label tasks done at their first attempt; FedEx create calls and USPS charges one per purchase")
        .checked("each package tracked once for the day; the lease audit shows no claim of a live lease")
        .figure("label tasks", labelTasks.size())
        .figure("tracking tasks", shipments)
        .figure("label and tracking claims (audit)", audit.claims("create_labels") + audit.claims("track_order"))
        .figure("tasks claimed more than once", audit.claimedAgain("create_labels") + audit.claimedAgain("track_order"))
        .figure("claims of a live lease (two holders)", audit.takeoversOfLiveLeases())
        .figure("tracking claims of an expired lease", audit.claimsOfExpiredLeases("track_order"))
        .figure("tracking re-claims of a task handed back or due again", audit.reclaimsOfReleasedTasks("track_order"))
        .figure("label tasks not done exactly once", labelTasksNotDoneOnce)
        .figure("extra FedEx create calls", fedexExtraCalls)
        .figure("FedEx reconciliation lookups", sandbox.fedex().counters().referenceLookups())
        .figure("extra USPS charges", uspsExtraCharges)
        .figure("USPS idempotent replays", sandbox.usps().counters().idempotentReplays())
        .figure("numbers tracked more than once", extraTracking)
        .figure("time to label everything", labelling);
    Guarantees.report(report, outcome);
    report.publish();

    Guarantees.assertHeld(outcome);
    assertThat(labelTasks).hasSize(shipments);
    assertThat(audit.takeoversOfLiveLeases()).as("claims of a live lease").isZero();
    assertThat(audit.claimedAgain("create_labels")).as("label tasks claimed twice").isZero();
    assertThat(audit.claimedAgain("track_order")).as("tracking tasks claimed twice in one day").isZero();
    assertThat(audit.claims("track_order")).as("tracking claims").isEqualTo(shipments);
    assertThat(labelTasksNotDoneOnce).isZero();
    assertThat(fedexExtraCalls).isZero();
    assertThat(sandbox.fedex().counters().referenceLookups()).isZero();
    assertThat(uspsExtraCharges).isZero();
    assertThat(sandbox.usps().counters().idempotentReplays()).isZero();
    assertThat(extraTracking).isZero();
  }
}

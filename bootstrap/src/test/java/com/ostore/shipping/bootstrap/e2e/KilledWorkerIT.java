package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase.TaskRow;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with kill -9 in the middle of buying labels: the carrier may have sold them, the
 * service never recorded them. Once the dead worker's lease has run out, another instance takes the
 * work over and the shipment ends with exactly one live label per package and one charge each.
 */
class KilledWorkerIT {
  /** The dead worker stops renewing; its lease ends at most this long after it died. */
  private static final Map<String, String> CHILD = Map.of("TASK_LEASE", "5s", "FEDEX_CALL_TIMEOUT", "60s");

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceDatabase tasks;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    tasks = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aFedexLabelBoughtByAWorkerKilledMidCallIsVoidedAndTheNextInstanceBuysTheShipmentsLabelsOnce() {
    long id;
    try (ChildService first = ChildService.start(sandbox, CHILD, Path.of("target", "killed-worker-fedex.log"))) {
      // A first shipment makes the doomed instance hold a FedEx token: its next FedEx call is the purchase.
      awaitStatus(first::getJson, first.createShipment(ShipmentRequests.fedex(700, 1)), "label_created");
      long faultsBefore = sandbox.fedex().counters().faultsInjected();
      sandbox.fedex().faults().hangsNext(1, Duration.ofSeconds(3));
      id = first.createShipment(ShipmentRequests.fedex(701, 2));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> sandbox.fedex().counters().faultsInjected() > faultsBefore);
      first.kill();
    }
    String reference = ShipmentRequests.reference(id);
    // FedEx finishes the hung call after the caller is gone: labels bought that nobody recorded.
    List<String> orphans = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> sandbox.fedex().liveTrackingNumbers(reference), numbers -> numbers.size() == 2);
    TaskRow interrupted = tasks.labelTask(id).orElseThrow();
    assertThat(interrupted.state()).isEqualTo("running");
    assertThat(interrupted.attempts()).isEqualTo(1);
    long lookupsBefore = sandbox.fedex().counters().referenceLookups();

    moveClockPast(interrupted.leaseUntil());
    try (ServiceUnderTest second = ServiceUnderTest.start(sandbox, clock, Map.of())) {
      JsonNode labelled = awaitStatus(second::getJson, id, "label_created");

      List<String> numbers = ShipmentRequests.trackingNumbers(labelled);
      assertThat(numbers).hasSize(2).doesNotHaveDuplicates().doesNotContainAnyElementsOf(orphans);
      assertThat(sandbox.fedex().liveTrackingNumbers(reference)).containsExactlyInAnyOrderElementsOf(numbers);
      assertThat(orphans).allSatisfy(orphan -> assertThat(sandbox.fedex().isCancelled(orphan)).isTrue());
      assertThat(sandbox.fedex().counters().referenceLookups()).isGreaterThan(lookupsBefore);
      assertLabelTaskDoneAtSecondAttempt(id);
    }
  }

  @Test
  void aUspsLabelBoughtByAWorkerKilledMidShipmentIsFetchedAgainByItsIdempotencyKeyAndChargedOnce() {
    long id;
    long chargedBefore;
    long replaysBefore;
    try (ChildService first = ChildService.start(sandbox, CHILD, Path.of("target", "killed-worker-usps.log"))) {
      awaitStatus(first::getJson, first.createShipment(ShipmentRequests.usps(800, 1)), "label_created");
      chargedBefore = sandbox.usps().counters().labelsCharged();
      replaysBefore = sandbox.usps().counters().idempotentReplays();
      // Slow answers leave time to kill the worker after USPS sold the first package's label.
      sandbox.usps().faults().latency(Duration.ofSeconds(2));
      id = first.createShipment(ShipmentRequests.usps(801, 2));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> sandbox.usps().counters().labelsCharged() > chargedBefore);
      first.kill();
    }
    sandbox.usps().faults().reset();
    TaskRow interrupted = tasks.labelTask(id).orElseThrow();
    assertThat(interrupted.state()).isEqualTo("running");

    moveClockPast(interrupted.leaseUntil());
    try (ServiceUnderTest second = ServiceUnderTest.start(sandbox, clock, Map.of())) {
      JsonNode labelled = awaitStatus(second::getJson, id, "label_created");

      assertThat(ShipmentRequests.trackingNumbers(labelled)).hasSize(2).doesNotHaveDuplicates();
      assertThat(sandbox.usps().counters().labelsCharged() - chargedBefore).isEqualTo(2);
      assertThat(sandbox.usps().counters().idempotentReplays() - replaysBefore).isPositive();
      assertLabelTaskDoneAtSecondAttempt(id);
    }
  }

  /**
   * The next instance's clock catches up with the dead worker's wall clock, so the work it left is due
   * (never moving the clock back); the lease itself ends by the database's clock, {@code TASK_LEASE} after
   * the dead worker's last renewal.
   */
  private static void moveClockPast(Instant leaseUntil) {
    Instant latest = clock.instant().isAfter(Instant.now()) ? clock.instant() : Instant.now();
    clock.set((leaseUntil.isAfter(latest) ? leaseUntil : latest).plusSeconds(1));
  }

  private static void assertLabelTaskDoneAtSecondAttempt(long shipmentId) {
    assertThat(tasks.labelTask(shipmentId)).hasValueSatisfying(task -> {
      assertThat(task.state()).isEqualTo("done");
      assertThat(task.attempts()).isEqualTo(2);
    });
  }

  private static JsonNode awaitStatus(Function<String, JsonNode> get, long shipmentId, String status) {
    String path = "/shipments/" + shipmentId;
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> get.apply(path).get("shipmentStatus").asText().equals(status));
    return get.apply(path);
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one database, as in production behind a load balancer: their
 * workers compete for the same task queue, yet every piece of work is done by exactly one of them.
 */
class TwoInstancesIT {
  private static final int SHIPMENTS = 30;

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceUnderTest first;
  private static ServiceUnderTest second;
  private static ServiceDatabase tasks;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    first = ServiceUnderTest.start(sandbox, clock, Map.of());
    second = ServiceUnderTest.start(sandbox, clock, Map.of());
    tasks = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    sandbox.close();
  }

  @Test
  void shipmentsCreatedThroughEitherInstanceAreLabelledOnceAndEachOrderIsTrackedOncePerDay() {
    Map<Long, Integer> fedex = new LinkedHashMap<>();
    Map<Long, Integer> usps = new LinkedHashMap<>();
    for (int i = 0; i < SHIPMENTS; i++) {
      ServiceUnderTest via = i % 2 == 0 ? first : second;
      int packages = 1 + (i / 3) % 3;
      if (i % 3 == 2) {
        usps.put(via.createShipment(ShipmentRequests.usps(1000 + i, packages)), packages);
      } else {
        fedex.put(via.createShipment(ShipmentRequests.fedex(1000 + i, packages)), packages);
      }
    }
    List<Long> all = new ArrayList<>(fedex.keySet());
    all.addAll(usps.keySet());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> all.stream()
        .allMatch(id -> first.getJson("/shipments/" + id).get("shipmentStatus").asText().equals("label_created")));

    int fedexPackages = fedex.values().stream().mapToInt(Integer::intValue).sum();
    int uspsPackages = usps.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(sandbox.fedex().counters().createCalls()).isEqualTo(fedex.size());
    assertThat(sandbox.fedex().counters().labelsCreated()).isEqualTo(fedexPackages);
    assertThat(sandbox.fedex().counters().referenceLookups()).as("purchases resumed after a lost lease").isZero();
    assertThat(sandbox.usps().counters().labelsCharged()).isEqualTo(uspsPackages);
    assertThat(sandbox.usps().counters().idempotentReplays()).isZero();
    fedex.forEach((id, packages) -> assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id)))
        .containsExactlyInAnyOrderElementsOf(ShipmentRequests.trackingNumbers(second.getJson("/shipments/" + id))));
    assertThat(all).allSatisfy(id -> assertThat(tasks.labelTask(id)).hasValueSatisfying(task -> {
      assertThat(task.state()).isEqualTo("done");
      assertThat(task.attempts()).isEqualTo(1);
    }));

    long trackCallsBefore = sandbox.fedex().counters().trackCalls();
    long fedexNumbersBefore = sandbox.fedex().counters().numbersTracked();
    long uspsNumbersBefore = sandbox.usps().counters().numbersTracked();
    // Every order is due within the tracking spread around one day after its labels: all are due now.
    clock.advance(Duration.ofDays(1).plusHours(1));
    Instant trackedAt = clock.instant();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      List<ServiceDatabase.TaskRow> tracking = tasks.ofKind("track_order");
      return tracking.size() == SHIPMENTS
          && tracking.stream().allMatch(t -> t.state().equals("ready") && t.runAt().isAfter(trackedAt));
    });

    assertThat(tasks.ofKind("track_order")).allSatisfy(task -> {
      assertThat(task.attempts()).isZero();
      assertThat(task.runAt()).isAfter(trackedAt.plus(Duration.ofHours(12)));
    });
    assertThat(sandbox.fedex().counters().numbersTracked() - fedexNumbersBefore).isEqualTo(fedexPackages);
    // Due orders are pooled into batches of 30 numbers per run, not asked per order or per instance. One
    // claim normally takes every due order; only when both instances claim in the same instant can
    // SKIP LOCKED split them over two runs, which costs at most one more call.
    int pooledCalls = (fedexPackages + 29) / 30;
    assertThat(sandbox.fedex().counters().trackCalls() - trackCallsBefore).isBetween((long) pooledCalls,
        pooledCalls + 1L);
    assertThat(sandbox.usps().counters().numbersTracked() - uspsNumbersBefore).isEqualTo(uspsPackages);
    assertThat(first.getJson("/shipments/" + fedex.keySet().iterator().next()).get("shipmentStatus").asText())
        .isEqualTo("in_transit");
  }
}

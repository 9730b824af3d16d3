package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database whose leases are put to the test: a FedEx so slow that a batch of
 * label work outlasts the lease many times over, and an instance whose clock runs an hour fast. Each
 * package must end with exactly one live label at the carrier, the one the service recorded.
 */
class LeaseHandOverIT {
  private static Sandbox sandbox;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterEach
  void healthyFedex() {
    sandbox.fedex().faults().reset();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void givenTwoInstancesWithOneWorkerEachAndASlowFedex_whenABatchOutlivesTheLease_thenEveryPackageHasExactlyOneLiveLabel() {
    // The reproduction: 1 s per FedEx call, leases of 2 s, batches of 10.
    Map<String, String> slowAndShort = Map.of("LABEL_WORKERS", "1", "CLAIM_BATCH_SIZE", "10", "TASK_LEASE", "2s");
    sandbox.fedex().faults().latency(Duration.ofSeconds(1));
    try (ServiceUnderTest first = ServiceUnderTest.start(sandbox, Clock.systemUTC(), slowAndShort);
        ServiceUnderTest second = ServiceUnderTest.start(sandbox, Clock.systemUTC(), slowAndShort)) {
      List<Long> shipments = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        shipments.add((i % 2 == 0 ? first : second).createShipment(ShipmentRequests.fedex(2000 + i, 1)));
      }

      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> shipments.stream()
          .allMatch(id -> database.labelTask(id).map(t -> t.state().equals("done")).orElse(false)));

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
          assertThat(labelsByShipment(shipments, id -> sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id))))
              .as("live labels at FedEx per shipment").isEqualTo(labelsByShipment(shipments, database::trackingNumbers)));
      assertThat(shipments).allSatisfy(id -> assertThat(database.trackingNumbers(id)).doesNotContainNull());
    }
  }

  @Test
  void givenAnInstanceWhoseClockRunsAnHourFast_whenAnotherInstanceIsMidPurchase_thenItLeavesThatWorkAlone() {
    try (ServiceUnderTest onTime = ServiceUnderTest.start(sandbox, Clock.systemUTC(), Map.of())) {
      sandbox.fedex().faults().holdNext(1);
      long held = onTime.createShipment(ShipmentRequests.fedex(3000, 2));
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.fedex().faults().heldCalls() == 1);
      String holder = database.labelTask(held).orElseThrow().leaseOwner();

      try (ServiceUnderTest fast = ServiceUnderTest.start(sandbox,
          Clock.offset(Clock.systemUTC(), Duration.ofHours(1)), Map.of())) {
        // Labelling its own shipment proves the fast instance has looked for due work meanwhile.
        long own = fast.createShipment(ShipmentRequests.fedex(3001, 1));
        awaitStatus(fast::getJson, own, "label_created");

        assertThat(database.labelTask(held)).hasValueSatisfying(task -> {
          assertThat(task.state()).isEqualTo("running");
          assertThat(task.attempts()).isEqualTo(1);
          assertThat(task.leaseOwner()).isEqualTo(holder);
        });
        sandbox.fedex().faults().answerHeld(1);
        awaitStatus(onTime::getJson, held, "label_created");
      }

      assertThat(database.trackingNumbers(held)).hasSize(2).doesNotContainNull();
      assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(held)))
          .containsExactlyInAnyOrderElementsOf(database.trackingNumbers(held));
    }
  }

  private static Map<Long, List<String>> labelsByShipment(List<Long> shipments, Function<Long, List<String>> labels) {
    Map<Long, List<String>> byShipment = new TreeMap<>();
    shipments.forEach(id -> byShipment.put(id, labels.apply(id).stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList()));
    return byShipment;
  }

  private static void awaitStatus(Function<String, JsonNode> get, long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> get.apply("/shipments/" + shipmentId).get("shipmentStatus").asText().equals(status));
  }
}

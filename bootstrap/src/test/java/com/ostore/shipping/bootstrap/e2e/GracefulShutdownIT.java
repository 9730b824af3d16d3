package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of a batch of label work: the purchase under way finishes and is recorded,
 * the work claimed but not started goes back to the queue at once for another instance, and nothing
 * is bought that nobody recorded.
 */
class GracefulShutdownIT {
  private static Sandbox sandbox;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    sandbox.fedex().faults().reset();
    sandbox.close();
  }

  @Test
  void givenSigtermWhileOneOfABatchIsBeingBought_whenTheInstanceStops_thenThatPurchaseIsRecordedAndTheRestHandedBack() {
    long first;
    List<Long> batch = new ArrayList<>();
    Map<String, String> oneWorker = Map.of("LABEL_WORKERS", "1", "CLAIM_BATCH_SIZE", "10", "SHUTDOWN_GRACE", "60s");
    try (ChildService child = ChildService.start(sandbox, oneWorker, Path.of("target", "graceful-shutdown.log"))) {
      sandbox.fedex().faults().holdNext(2);
      first = child.createShipment(ShipmentRequests.fedex(5000, 1));
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.fedex().faults().heldCalls() == 1);
      for (int i = 1; i <= 4; i++) {
        batch.add(child.createShipment(ShipmentRequests.fedex(5000 + i, 1)));
      }
      // The worker records the first shipment, then claims the other four at once and starts buying one.
      sandbox.fedex().faults().answerHeld(1);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
          database.labelTask(first).orElseThrow().state().equals("done") && sandbox.fedex().faults().heldCalls() == 1
              && batch.stream().allMatch(id -> database.labelTask(id).orElseThrow().state().equals("running")));
      long bought = batch.get(0);
      List<Long> unstarted = batch.subList(1, batch.size());

      child.terminate();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
          assertThat(unstarted).allSatisfy(id -> assertThat(database.labelTask(id)).hasValueSatisfying(task -> {
            assertThat(task.state()).isEqualTo("ready");
            assertThat(task.leaseOwner()).isNull();
            assertThat(task.attempts()).isZero();
          })));
      assertThat(database.labelTask(bought).orElseThrow().state()).isEqualTo("running");
      sandbox.fedex().faults().answerHeld(1);
      assertThat(child.exitsWithin(Duration.ofSeconds(60))).as("stopped within its grace period").isTrue();

      assertThat(database.labelTask(bought).orElseThrow().state()).isEqualTo("done");
      assertThat(database.trackingNumbers(bought)).hasSize(1).doesNotContainNull();
      assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(bought)))
          .as("the label bought during shutdown is the one recorded")
          .containsExactlyElementsOf(database.trackingNumbers(bought));
      assertThat(unstarted).allSatisfy(id ->
          assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id))).isEmpty());
    }

    try (ServiceUnderTest next = ServiceUnderTest.start(sandbox, Clock.systemUTC(), Map.of())) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> batch.stream()
          .allMatch(id -> next.getJson("/shipments/" + id).get("shipmentStatus").asText().equals("label_created")));

      assertThat(batch).allSatisfy(id -> {
        assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id)))
            .containsExactlyElementsOf(database.trackingNumbers(id));
        assertThat(database.labelTask(id).orElseThrow().state()).isEqualTo("done");
      });
      assertThat(batch.subList(1, batch.size())).as("handed back before any attempt")
          .allSatisfy(id -> assertThat(database.labelTask(id).orElseThrow().attempts()).isEqualTo(1));
    }
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.ServiceDatabase.TaskRow;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tracking run that takes longer than its lease, with a second instance waiting for work: the run
 * keeps its lease for as long as it runs, so the order is asked about once and recorded once.
 */
class TrackingLeaseIT {
  private static final long ORDER = 4000;
  private static final Duration LEASE = Duration.ofSeconds(2);

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void givenATrackingRunHeldUpAtFedexForLongerThanItsLease_whenAnotherInstanceLooksForWork_thenTheOrderIsTrackedOnce() {
    Map<String, String> shortLease = Map.of("TASK_LEASE", LEASE.toSeconds() + "s");
    try (ServiceUnderTest first = ServiceUnderTest.start(sandbox, clock, shortLease);
        ServiceUnderTest second = ServiceUnderTest.start(sandbox, clock, shortLease)) {
      long shipment = first.createShipment(ShipmentRequests.fedex(ORDER, 1));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> second.getJson("/shipments/" + shipment).get("shipmentStatus").asText().equals("label_created"));
      long trackCallsBefore = sandbox.fedex().counters().trackCalls();
      long numbersBefore = sandbox.fedex().counters().numbersTracked();

      sandbox.fedex().faults().holdNext(1);
      clock.advance(Duration.ofDays(1).plusHours(1));
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.fedex().faults().heldCalls() == 1);
      TaskRow running = database.trackingTask(ORDER).orElseThrow();
      Instant heldSince = database.databaseNow();
      clock.advance(LEASE.plusSeconds(1));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> database.databaseNow().isAfter(heldSince.plus(LEASE.multipliedBy(2))));

      assertThat(database.trackingTask(ORDER)).hasValueSatisfying(task -> {
        assertThat(task.state()).isEqualTo("running");
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.leaseOwner()).isEqualTo(running.leaseOwner());
      });
      assertThat(sandbox.fedex().counters().trackCalls()).as("track calls besides the held one")
          .isEqualTo(trackCallsBefore);
      sandbox.fedex().faults().answerHeld(1);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> database.trackingTask(ORDER).map(task -> task.state().equals("ready")).orElse(false));

      assertThat(database.trackingTask(ORDER)).hasValueSatisfying(task -> assertThat(task.attempts()).isZero());
      assertThat(sandbox.fedex().counters().numbersTracked() - numbersBefore).isEqualTo(1);
    }
  }
}

package com.ostore.shipping.bootstrap.faults;

import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.ChildService;
import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.local.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production main class killed with kill -9 again and again while Order Management creates
 * shipments and the workers buy labels from carriers slow enough that every kill lands mid-purchase.
 * Each time a new instance takes over once the dead one's leases ran out.
 */
class KillNineFaultIT {
  private static final int KILLS = FaultSizes.pick(2, 5);
  private static final int ACKNOWLEDGED_PER_INSTANCE = FaultSizes.pick(6, 25);
  private static final Map<String, String> INSTANCE = Map.of("TASK_LEASE", "3s", "LABEL_WORKERS", "2");

  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
  }

  @AfterAll
  static void stop() {
    orderManagement.close();
    sandbox.close();
  }

  @Test
  void killedMidPurchaseAgainAndAgain_theShipmentsAcknowledgedAreAllLabelledOnceAndTheirEventsDelivered() {
    sandbox.fedex().faults().latency(Duration.ofMillis(200));
    sandbox.usps().faults().latency(Duration.ofMillis(200));
    AtomicReference<ChildService> current = new AtomicReference<>();
    List<Duration> recoveries = new ArrayList<>();
    ShipmentLoad load =
        new ShipmentLoad(() -> current.get().port(), sandbox.apiKey(), Duration.ofMillis(150), 10_000);
    Set<Long> acknowledgedAtKill = Set.of();
    Instant killedAt = null;
    try {
      for (int instance = 0; instance <= KILLS; instance++) {
        ChildService child = ChildService.start(sandbox, ShipmentLoad.unthrottled(INSTANCE),
            Path.of("target", "faults", "kill-nine-instance-" + instance + ".log"));
        current.set(child);
        if (instance == 0) {
          load.start();
        } else {
          Set<Long> waiting = acknowledgedAtKill;
          await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
              .until(() -> labelled(waiting));
          recoveries.add(Duration.between(killedAt, Instant.now()));
        }
        if (instance == KILLS) {
          break;
        }
        int acknowledgedBefore = load.acknowledgedCount();
        long purchasesBefore = purchases();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
            load.acknowledgedCount() >= acknowledgedBefore + ACKNOWLEDGED_PER_INSTANCE
                && purchases() >= purchasesBefore + 2);
        child.kill();
        killedAt = Instant.now();
        acknowledgedAtKill = load.acknowledged();
      }
      int acknowledgedBefore = load.acknowledgedCount();
      await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= acknowledgedBefore + 3);
    } finally {
      load.close();
    }
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(2, 10)));
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());
    current.get().close();

    FaultReport report = new FaultReport("kill -9 under load")
        .checked("the service killed with kill -9 " + KILLS + " times while creating shipments and buying labels")
        .checked("after each kill, the next instance labels every shipment acknowledged before it")
        .figure("kills", KILLS)
        .figure("requests not acknowledged (while an instance was down)", load.failureCount())
        .figure("time to recover after each kill (until the dead instance's shipments are labelled)",
            recoveries.stream().map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
                .toList().toString());
    Guarantees.report(report, outcome);
    report.publish();
    Guarantees.assertHeld(outcome);
  }

  private static boolean labelled(Set<Long> shipments) {
    Map<Long, String> statuses = database.shipmentStatuses();
    return shipments.stream().allMatch(id -> statuses.containsKey(id) && !statuses.get(id).equals("pending"));
  }

  private static long purchases() {
    return sandbox.fedex().counters().createCalls() + sandbox.usps().counters().labelsCharged();
  }
}

package com.ostore.shipping.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.local.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for a while under steady load: shipments are still taken and labelled, their
 * events wait in the outbox, and once the broker is back the backlog reaches Order Management within
 * 30 seconds, nothing lost.
 */
class KafkaOutageFaultIT {
  private static final Duration PACE = Duration.ofMillis(100);
  private static final Duration OUTAGE = FaultSizes.pick(Duration.ofSeconds(10), Duration.ofSeconds(60));
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
    service = ServiceUnderTest.start(sandbox, Clock.systemUTC(),
        ShipmentLoad.unthrottled(Map.of("KAFKA_PUBLISH_TIMEOUT", "2s")));
  }

  @AfterAll
  static void stop() {
    service.close();
    orderManagement.close();
    sandbox.close();
  }

  @Test
  void aBrokerOutageUnderLoadLosesNoEventAndItsBacklogDrainsWithinThirtySeconds() {
    ShipmentLoad load = new ShipmentLoad(() -> service.server().port(), sandbox.apiKey(), PACE, 30_000);
    Instant down;
    Instant back;
    long backlog;
    Duration drained;
    try {
      load.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= 5);
      sandbox.kafka().stop();
      down = Instant.now();
      // The outage lasts as long as the load takes to send its share of requests at its steady pace.
      long ticksAtOutage = load.ticks();
      long outageRequests = OUTAGE.toMillis() / PACE.toMillis();
      await().atMost(OUTAGE.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> load.ticks() >= ticksAtOutage + outageRequests);
      // Counted before the broker is back: the relay's waiting publish can reach it and drain the outbox before
      // start() returns.
      backlog = database.unsentEvents();
      sandbox.kafka().start();
      back = Instant.now();
      await().atMost(DRAIN_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> database.unsentEvents() == 0);
      drained = Duration.between(back, Instant.now());
      int acknowledged = load.acknowledgedCount();
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= acknowledged + 5);
    } finally {
      load.close();
    }
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(1, 5)));
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());

    FaultReport report = new FaultReport("Kafka down under load")
        .checked("the broker stopped for the outage while shipments were created and labelled")
        .checked("the outbox backlog reaches the topic within " + DRAIN_LIMIT.toSeconds() + " s of the broker's return")
        .figure("outage", Duration.between(down, back))
        .figure("events waiting when the broker was started again", backlog)
        .figure("time to drain the backlog", drained)
        .figure("requests not acknowledged", load.failureCount());
    Guarantees.report(report, outcome);
    report.publish();

    Guarantees.assertHeld(outcome);
    assertThat(backlog).as("events held back by the outage").isPositive();
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service instance that goes away while it is buying a label, followed by a new instance on the
 * same database: the label is bought exactly once and tracking carries on to delivery. The killed
 * instance runs in its own JVM on the wall clock, so it runs first, while the test clock still
 * agrees with the wall clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceRestartIT {
  private static final Duration CARRIER_STAGE = Duration.ofHours(6);

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private ServiceUnderTest service;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, CARRIER_STAGE);
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
  }

  @AfterEach
  void stopService() {
    sandbox.fedex().faults().reset();
    if (service != null) {
      service.close();
    }
  }

  @AfterAll
  static void stop() {
    orderManagement.close();
    sandbox.close();
  }

  @Test
  @Order(1)
  void labelWorkOfAKilledInstanceIsTakenOverWhenItsLeaseEndsAndTrackedToDelivery() {
    long id;
    try (ChildService killed = ChildService.start(sandbox, Map.of("TASK_LEASE", "20s"),
        Path.of("target", "service-restart-killed.log"))) {
      // The killed instance's first FedEx call (its OAuth token) hangs, so it dies before buying anything.
      sandbox.fedex().faults().hangsNext(1, Duration.ofSeconds(15));
      id = killed.createShipment("""
          {"orderID": 701, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "fedex",
           "packages": [{"weight": 2}, {"weight": 3}]}""");
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> database.labelTask(id).filter(t -> t.state().equals("running")).isPresent());
      killed.kill();
    }
    ServiceDatabase.TaskRow held = database.labelTask(id).orElseThrow();

    service = ServiceUnderTest.start(sandbox, clock, Map.of());
    // Leases run by the database's clock: the service's clock an hour past the lease takes nothing over.
    clock.set(later(clock.instant(), held.leaseUntil().plus(Duration.ofHours(1))));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(database.labelTask(id)).contains(held);
      assertThat(status(id)).isEqualTo("pending");
    });

    JsonNode labelled = awaitStatus(id, "label_created");

    assertThat(database.labelTask(id).orElseThrow()).satisfies(task -> {
      assertThat(task.state()).isEqualTo("done");
      assertThat(task.attempts()).isEqualTo(2);
    });
    assertThat(sandbox.fedex().liveTrackingNumbers("ostore-shipment-" + id)).containsExactlyInAnyOrderElementsOf(
        trackingNumbers(labelled));
    trackToDelivery(id);
  }

  @Test
  @Order(2)
  void anInstanceStoppedWhileBuyingALabelFinishesOrHandsBackTheWorkAndTheNextInstanceCarriesOn() {
    sandbox.fedex().faults().latency(Duration.ofMillis(1500));
    long id;
    try (ServiceUnderTest stopped = ServiceUnderTest.start(sandbox, clock, Map.of())) {
      id = stopped.createShipment("""
          {"orderID": 702, "shippingAddress": "1 Infinite Loop, Cupertino, CA 95014, US", "carrier": "fedex"}""");
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> database.labelTask(id).filter(t -> t.state().equals("running")).isPresent());
    }
    sandbox.fedex().faults().reset();

    // A stopped instance never leaves work leased: the next instance need not wait for a lease to end.
    assertThat(database.labelTask(id).orElseThrow().state()).isIn("done", "ready");
    service = ServiceUnderTest.start(sandbox, clock, Map.of());
    JsonNode labelled = awaitStatus(id, "label_created");

    assertThat(sandbox.fedex().liveTrackingNumbers("ostore-shipment-" + id)).containsExactlyInAnyOrderElementsOf(
        trackingNumbers(labelled));
    trackToDelivery(id);
  }

  /**
   * Upgrading from a release that stored no answers (before V66): the shipments it wrote are read from the
   * tables at first, and the new release's walk stores each one's answer soon after it starts, delivered
   * shipments (which never change again) too.
   */
  @Test
  @Order(3)
  void shipmentsWrittenByAReleaseThatStoredNoAnswersGetThemSoonAfterTheUpgrade() {
    try (ServiceUnderTest earlier = ServiceUnderTest.start(sandbox, clock, Map.of())) {
      long id = earlier.createShipment("""
          {"orderID": 703, "shippingAddress": "1 Infinite Loop, Cupertino, CA 95014, US", "carrier": "fedex"}""");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> earlier.getJson("/shipments/" + id).get("shipmentStatus").asText().equals("label_created"));
    }
    Map<Long, String> statuses = database.shipmentStatuses();
    database.forgetStoredAnswers();
    assertThat(statuses.keySet()).allSatisfy(id -> assertThat(database.storedAnswer(id)).isNull());

    service = ServiceUnderTest.start(sandbox, clock, Map.of());

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses.keySet())
        .allSatisfy(id -> assertThat(database.storedAnswer(id)).as("shipment %d", id).isNotNull()));
    for (long id : statuses.keySet()) {
      assertThat(service.get("/shipments/" + id).body()).isEqualTo(database.storedAnswer(id));
    }
    assertThat(database.shipmentStatuses()).as("the walk changes no shipment").isEqualTo(statuses);
  }

  /**
   * A FedEx scan follows every 6 h: a day later the packages are in transit, another day later
   * delivered. The clock moves one day at a time, and only after that day's tracking run, as real
   * days would: jumping two days at once makes the tracking work a day overdue.
   */
  private void trackToDelivery(long id) {
    clock.advance(Duration.ofDays(1).plusHours(1));
    awaitStatus(id, "in_transit");
    clock.advance(Duration.ofDays(1).plusHours(1));
    JsonNode delivered = awaitStatus(id, "delivered");
    List<Long> packages = new ArrayList<>();
    delivered.get("packages").forEach(p -> packages.add(p.get("packageID").asLong()));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (long parcel : packages) {
        List<String> types = orderManagement.typesOfPackage(parcel);
        assertThat(types).as("package %d", parcel).containsSubsequence("label_created", "in_transit", "delivered");
        assertThat(types).filteredOn("label_created"::equals).hasSize(1);
        assertThat(types).filteredOn("delivered"::equals).hasSize(1);
        assertThat(types.get(types.size() - 1)).isEqualTo("delivered");
      }
    });
  }

  private static List<String> trackingNumbers(JsonNode shipment) {
    List<String> numbers = new ArrayList<>();
    shipment.get("packages").forEach(p -> numbers.add(p.get("trackingNumber").asText()));
    return numbers;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private String status(long id) {
    return service.getJson("/shipments/" + id).get("shipmentStatus").asText();
  }

  private JsonNode awaitStatus(long id, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> status(id).equals(status));
    return service.getJson("/shipments/" + id);
  }
}

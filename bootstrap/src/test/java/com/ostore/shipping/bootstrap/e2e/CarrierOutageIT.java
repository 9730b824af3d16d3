package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase.TaskRow;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Carrier outages through the running service: failed label purchases wait on the service's clock
 * with exponential backoff, shipments stay pending meanwhile, and once the carriers answer again every
 * package has exactly one live label (nothing bought twice, nothing lost).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarrierOutageIT {
  private static final Duration RETRY_INITIAL = Duration.ofSeconds(10);
  private static final Duration RETRY_MAX = Duration.ofMinutes(10);

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static ServiceUnderTest service;
  private static ServiceDatabase tasks;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    // The lease outlasts any jump of the clock to the next retry (at most RETRY_MAX), so moving time on
    // never hands a running purchase to a second worker.
    service = ServiceUnderTest.start(sandbox, clock, Map.of("RETRY_INITIAL", "10s", "RETRY_MAX", "10m",
        "TASK_LEASE", "1h"));
    tasks = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    service.close();
    sandbox.close();
  }

  @Test
  @Order(1)
  void whileFedexRefusesEveryCallTheAttemptsBackOffDoublingUpToTheCapAndTheShipmentIsLabelledOnceFedexIsBack() {
    // A first shipment while FedEx is healthy caches the OAuth token, so every failure below is label work.
    awaitStatus(service.createShipment(ShipmentRequests.fedex(500, 1)), "label_created");
    // 429s (FedEx's quota) rather than 5xx: the adapter's circuit breaker counts 5xx and waits on the wall
    // clock, which would overrule the durable backoff measured here. Retry-After 0 leaves the wait to it.
    sandbox.fedex().faults().throttleRate(1.0, 0);
    long id = service.createShipment(ShipmentRequests.fedex(501, 2));

    Instant nextRun = null;
    for (int attempt = 1; attempt <= 8; attempt++) {
      TaskRow failed = awaitFailedAttempt(id, attempt);
      Duration gap = Duration.between(failed.updatedAt(), failed.runAt());
      Duration full = backoffBeforeJitter(attempt);
      // RetryBackoff takes up to 20 % off at random; 1 ms allows for rounding to whole milliseconds.
      assertThat(gap).as("wait after failed attempt %d", attempt)
          .isBetween(full.multipliedBy(8).dividedBy(10).minusMillis(1), full.plusMillis(1));
      assertThat(failed.lastError()).contains("429");
      assertThat(status(id)).isEqualTo("pending");
      nextRun = failed.runAt();
      if (attempt < 8) {
        clock.set(nextRun);
      }
    }
    assertThat(backoffBeforeJitter(8)).isEqualTo(RETRY_MAX);

    sandbox.fedex().faults().reset();
    clock.set(nextRun);
    JsonNode labelled = awaitStatus(id, "label_created");

    assertThat(tasks.labelTask(id)).hasValueSatisfying(task -> {
      assertThat(task.state()).isEqualTo("done");
      assertThat(task.attempts()).isEqualTo(9);
    });
    List<String> numbers = ShipmentRequests.trackingNumbers(labelled);
    assertThat(numbers).hasSize(2).doesNotHaveDuplicates();
    assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id)))
        .containsExactlyInAnyOrderElementsOf(numbers);
  }

  @Test
  @Order(2)
  void shipmentsOnBothCarriersThroughAnOutageEachEndWithExactlyOneLiveLabelPerPackage() {
    // Half of FedEx's answers fail (5xx and 429 with Retry-After); USPS fails a third (503 and 429, both
    // with Retry-After). Kept below the rate that would trip the carriers' wall-clock circuit breakers.
    sandbox.fedex().faults().seed(7).serverErrorRate(0.25).throttleRate(0.25, 1);
    sandbox.usps().faults().serviceUnavailableRate(0.2).tooManyRequestsRate(0.15).retryAfterSeconds(1);
    long fedexFaultsBefore = sandbox.fedex().counters().faultsInjected();
    long uspsChargedBefore = sandbox.usps().counters().labelsCharged();
    Map<Long, Integer> fedexShipments = new HashMap<>();
    Map<Long, Integer> uspsShipments = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      int packages = 1 + i % 3;
      if (i % 2 == 0) {
        fedexShipments.put(service.createShipment(ShipmentRequests.fedex(600 + i, packages)), packages);
      } else {
        uspsShipments.put(service.createShipment(ShipmentRequests.usps(600 + i, packages)), packages);
      }
    }
    List<Long> all = new ArrayList<>(fedexShipments.keySet());
    all.addAll(uspsShipments.keySet());

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      // Durable retries wait on the service's clock: move it to the next one whenever the workers are idle.
      tasks.nextLabelRetryWhileIdle().filter(at -> at.isAfter(clock.instant())).ifPresent(clock::set);
      return all.stream().allMatch(id -> status(id).equals("label_created"));
    });
    sandbox.fedex().faults().reset();
    sandbox.usps().faults().reset();

    assertThat(sandbox.fedex().counters().faultsInjected() - fedexFaultsBefore).isPositive();
    assertThat(sandbox.usps().faults().injected()).isPositive();
    assertThat(all).as("shipments that needed a durable retry")
        .anySatisfy(id -> assertThat(tasks.labelTask(id).orElseThrow().attempts()).isGreaterThan(1));
    fedexShipments.forEach((id, packages) -> {
      List<String> numbers = ShipmentRequests.trackingNumbers(service.getJson("/shipments/" + id));
      assertThat(numbers).hasSize(packages).doesNotHaveDuplicates();
      assertThat(sandbox.fedex().liveTrackingNumbers(ShipmentRequests.reference(id)))
          .as("live FedEx labels of shipment %d", id).containsExactlyInAnyOrderElementsOf(numbers);
    });
    int uspsPackages = uspsShipments.values().stream().mapToInt(Integer::intValue).sum();
    List<String> uspsNumbers = new ArrayList<>();
    uspsShipments.keySet().forEach(id -> uspsNumbers.addAll(
        ShipmentRequests.trackingNumbers(service.getJson("/shipments/" + id))));
    assertThat(uspsNumbers).hasSize(uspsPackages).doesNotHaveDuplicates();
    assertThat(sandbox.usps().counters().labelsCharged() - uspsChargedBefore).isEqualTo(uspsPackages);
  }

  private static Duration backoffBeforeJitter(int failedAttempts) {
    Duration doubled = RETRY_INITIAL.multipliedBy(1L << (failedAttempts - 1));
    return doubled.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : doubled;
  }

  /** The task row once attempt {@code attempt} has failed and its retry is scheduled. */
  private static TaskRow awaitFailedAttempt(long shipmentId, int attempt) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> tasks.labelTask(shipmentId).orElse(null),
            task -> task != null && task.state().equals("ready") && task.attempts() == attempt
                && task.lastError() != null);
  }

  private static String status(long shipmentId) {
    return service.getJson("/shipments/" + shipmentId).get("shipmentStatus").asText();
  }

  private static JsonNode awaitStatus(long shipmentId, String status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> status(shipmentId).equals(status));
    return service.getJson("/shipments/" + shipmentId);
  }
}

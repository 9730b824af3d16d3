package com.ostore.shipping.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.local.Sandbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every fault scenario must end with, measured from the outside (the database as an operator reads
 * it, the simulators' own books, the topic as Order Management reads it) so the report can show the
 * figures before anything is asserted: no acknowledged shipment lost, every shipment labelled, exactly
 * one live label per package at the carriers, every event on Kafka, repeats only under the same eventId.
 */
final class Guarantees {
  private static final Set<String> UNLABELLED = Set.of("pending", "failed");

  /** The figures; every one but {@code acknowledged} and {@code repeatedDeliveries} must be zero. */
  record Outcome(long acknowledged, long shipments, long lost, long unlabelled, long packages, long extraLiveLabels,
      long missingLiveLabels, long events, long eventsNotOnKafka, long repeatedDeliveries,
      long packagesWithoutOneLabelEvent) {}

  private Guarantees() {}

  /** Waits until no shipment waits for its labels any more and every event written reached the topic. */
  static void awaitSettled(ServiceDatabase database, EventConsumer orderManagement, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(database.shipmentStatuses()).as("shipments still pending").doesNotContainValue("pending");
      assertThat(database.unsentEvents()).as("events not yet relayed").isZero();
      Set<String> onKafka = received(orderManagement);
      assertThat(database.outboxEventIds().stream().filter(id -> !onKafka.contains(id)).count())
          .as("relayed events not yet received from the topic").isZero();
    });
  }

  static Outcome measure(
      Sandbox sandbox, ServiceDatabase database, EventConsumer orderManagement, Set<Long> acknowledged) {
    Map<Long, String> statuses = database.shipmentStatuses();
    long lost = acknowledged.stream().filter(id -> !statuses.containsKey(id)).count();
    long unlabelled = statuses.values().stream().filter(UNLABELLED::contains).count();
    long extra = 0;
    long missing = 0;
    long packages = 0;
    for (String carrier : List.of("fedex", "usps")) {
      Set<String> recorded = new HashSet<>(database.trackingNumbersOf(carrier));
      Set<String> live = new HashSet<>(carrier.equals("fedex") ? sandbox.fedex().liveTrackingNumbers()
          : sandbox.usps().liveTrackingNumbers());
      packages += recorded.size();
      extra += live.stream().filter(number -> !recorded.contains(number)).count();
      missing += recorded.stream().filter(number -> !live.contains(number)).count();
    }
    List<EventConsumer.Received> messages = orderManagement.all();
    Set<String> onKafka = received(orderManagement);
    List<String> written = database.outboxEventIds();
    long notOnKafka = written.stream().filter(id -> !onKafka.contains(id)).count();
    Map<Long, Set<String>> labelEventIds = new HashMap<>();
    for (EventConsumer.Received message : messages) {
      if (message.eventType().equals("label_created") && message.value().hasNonNull("packageID")) {
        labelEventIds.computeIfAbsent(message.value().get("packageID").asLong(), p -> new HashSet<>())
            .add(message.eventId());
      }
    }
    long withOneLabelEvent = labelEventIds.values().stream().filter(ids -> ids.size() == 1).count();
    return new Outcome(acknowledged.size(), statuses.size(), lost, unlabelled, packages, extra, missing,
        written.size(), notOnKafka, messages.size() - onKafka.size(), packages - withOneLabelEvent);
  }

  static void report(FaultReport report, Outcome outcome) {
    report.checked("every shipment acknowledged with 201 is in the database")
        .checked("every shipment in the database has its labels (none pending, none failed)")
        .checked("the carriers' live labels are exactly the labels recorded, one per package")
        .checked("every event in the outbox is on the topic; a package's label_created has one eventId")
        .figure("acknowledged", outcome.acknowledged())
        .figure("shipments", outcome.shipments())
        .figure("lost", outcome.lost())
        .figure("unlabelled", outcome.unlabelled())
        .figure("packages", outcome.packages())
        .figure("extra live labels", outcome.extraLiveLabels())
        .figure("recorded labels not live", outcome.missingLiveLabels())
        .figure("events", outcome.events())
        .figure("events not on Kafka", outcome.eventsNotOnKafka())
        .figure("repeated deliveries (same eventId)", outcome.repeatedDeliveries())
        .figure("packages without exactly one label event", outcome.packagesWithoutOneLabelEvent());
  }

  static void assertHeld(Outcome outcome) {
    assertThat(outcome.acknowledged()).as("acknowledged shipments").isPositive();
    assertThat(outcome.lost()).as("acknowledged shipments lost").isZero();
    assertThat(outcome.unlabelled()).as("shipments without labels").isZero();
    assertThat(outcome.extraLiveLabels()).as("live labels nobody recorded").isZero();
    assertThat(outcome.missingLiveLabels()).as("recorded labels voided at the carrier").isZero();
    assertThat(outcome.eventsNotOnKafka()).as("events never delivered").isZero();
    assertThat(outcome.packagesWithoutOneLabelEvent()).as("packages whose label_created is missing or under two ids")
        .isZero();
  }

  private static Set<String> received(EventConsumer orderManagement) {
    Set<String> ids = new HashSet<>();
    orderManagement.all().forEach(message -> ids.add(message.eventId()));
    return ids;
  }
}

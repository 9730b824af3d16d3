package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.INITIAL_BACKOFF;
import static com.ostore.shipping.domain.model.TrackingEventType.DELIVERED;
import static com.ostore.shipping.domain.model.TrackingEventType.IN_TRANSIT;
import static com.ostore.shipping.domain.model.TrackingEventType.LABEL_CREATED;
import static com.ostore.shipping.domain.model.TrackingEventType.OUT_FOR_DELIVERY;
import static com.ostore.shipping.domain.model.TrackingEventType.PICKED_UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.StoredTask.State;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingServiceTest {
  /** Later than any order's next run: one interval plus half the spread. */
  private static final Duration NEXT_DAY = Duration.ofHours(26);

  private final ShippingFixture fixture = new ShippingFixture();
  private final TrackingService tracking = fixture.trackingWorker("tracker-1");

  @Test
  void ordersDueTogetherShareTheCarriersLargestBatches() {
    for (long order = 1; order <= 7; order++) {
      fixture.labelledShipment(order, CarrierCode.FEDEX, 10);
    }
    fixture.clock.advance(NEXT_DAY);

    assertThat(tracking.trackDueOrders()).isEqualTo(7);

    List<List<TrackingNumber>> batches = fixture.fedex.trackBatches();
    assertThat(batches).extracting(List::size).containsExactly(30, 30, 10);
    assertThat(batches.stream().flatMap(List::stream).toList())
        .containsExactlyInAnyOrderElementsOf(fixture.fedex.issuedNumbers());
    Map<TrackingNumber, Long> orderOf = new HashMap<>();
    fixture.shipments.all().forEach(s -> s.parcels().forEach(p -> orderOf.put(p.trackingNumber(), s.orderId().value())));
    assertThat(batches.get(0).stream().map(orderOf::get).distinct()).hasSizeGreaterThan(1);
    assertThat(fixture.usps.trackBatches()).isEmpty();
  }

  @Test
  void newScansMovePackagesAndAreStoredAndEmittedOnceInChronologicalOrder() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.FEDEX, 2);
    Parcel first = shipment.parcels().get(0);
    Parcel second = shipment.parcels().get(1);
    fixture.fedex
        .scans(first.trackingNumber(), scan(DELIVERED, "2026-01-06T05:15-05:00", "DL"),
            scan(PICKED_UP, "2026-01-05T17:00-05:00", "PU"), scan(IN_TRANSIT, "2026-01-06T03:00-05:00", "IT"))
        .scans(second.trackingNumber(), scan(IN_TRANSIT, "2026-01-06T04:00-05:00", "IT"),
            scan(PICKED_UP, "2026-01-05T17:05-05:00", "PU"));
    fixture.clock.advance(NEXT_DAY);

    tracking.trackDueOrders();

    Shipment moved = fixture.shipments.get(shipment.id());
    assertThat(moved.parcel(first.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(moved.parcel(second.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
    assertThat(moved.status()).as("delivered only when every package is").isEqualTo(ShipmentStatus.IN_TRANSIT);
    List<ShipmentEvent> emitted = trackedEvents();
    assertThat(emitted).extracting(ShipmentEvent::eventType)
        .containsExactly("picked_up", "picked_up", "in_transit", "in_transit", "delivered");
    assertThat(emitted).extracting(ShipmentEvent::parcelId)
        .containsExactly(first.id(), second.id(), first.id(), second.id(), first.id());
    assertThat(emitted.get(4).eventTimestamp()).isEqualTo(OffsetDateTime.parse("2026-01-06T05:15-05:00"));
    assertThat(emitted.get(4).details()).containsEntry("rawCode", "DL");
    assertThat(emitted.get(4).trackingNumber()).isEqualTo(first.trackingNumber());
    assertThat(fixture.events.findByParcel(first.id())).extracting(TrackingEvent::type)
        .containsExactly(LABEL_CREATED, PICKED_UP, IN_TRANSIT, DELIVERED);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 1).state()).isEqualTo(State.WAITING);
  }

  @Test
  void aRunWithNothingNewEmitsNothingAndAnOrderIsDoneWhenEveryPackageIsDelivered() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.FEDEX, 2);
    TrackingNumber first = shipment.parcels().get(0).trackingNumber();
    TrackingNumber second = shipment.parcels().get(1).trackingNumber();
    fixture.fedex.scans(first, scan(DELIVERED, "2026-01-06T05:15-05:00", "DL"))
        .scans(second, scan(IN_TRANSIT, "2026-01-06T04:00-05:00", "IT"));
    fixture.clock.advance(NEXT_DAY);
    tracking.trackDueOrders();
    int storedAfterFirstRun = fixture.events.all().size();

    fixture.clock.advance(NEXT_DAY);
    tracking.trackDueOrders();

    assertThat(trackedEvents()).hasSize(2);
    assertThat(fixture.events.all()).hasSize(storedAfterFirstRun);
    assertThat(fixture.fedex.trackBatches().get(1)).as("a delivered package is not asked about again")
        .containsExactly(second);

    fixture.fedex.scans(second, scan(DELIVERED, "2026-01-07T06:00-05:00", "DL"));
    fixture.clock.advance(NEXT_DAY);
    tracking.trackDueOrders();

    assertThat(fixture.shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(trackedEvents()).extracting(ShipmentEvent::eventType).containsExactly("in_transit", "delivered",
        "delivered");
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 1).state()).isEqualTo(State.DONE);
    fixture.clock.advance(Duration.ofDays(10));
    assertThat(tracking.trackDueOrders()).isZero();
    assertThat(fixture.fedex.trackBatches()).hasSize(3);
  }

  @Test
  void anUnfinishedOrderIsTrackedAgainOneIntervalAfterItWasDue() {
    fixture.labelledShipment(42, CarrierCode.FEDEX, 1);
    Instant dueAt = fixture.tasks.get(TaskKind.TRACK_ORDER, 42).runAt();
    fixture.clock.advance(NEXT_DAY);

    tracking.trackDueOrders();

    StoredTask task = fixture.tasks.get(TaskKind.TRACK_ORDER, 42);
    assertThat(task.state()).isEqualTo(State.WAITING);
    assertThat(task.runAt()).as("its daily time, however late this run was")
        .isEqualTo(dueAt.plus(fixture.settings.trackingInterval()));
    fixture.clock.set(task.runAt().minusMillis(1));
    assertThat(tracking.trackDueOrders()).isZero();
    fixture.clock.set(task.runAt());
    assertThat(tracking.trackDueOrders()).isEqualTo(1);
  }

  @Test
  void theCarriersOwnLabelCreatedScanIsStoredButNotEmittedAgain() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    Parcel parcel = shipment.parcels().get(0);
    fixture.fedex.scans(parcel.trackingNumber(), scan(LABEL_CREATED, "2026-01-05T04:30-05:00", "OC"),
        scan(PICKED_UP, "2026-01-05T17:00-05:00", "PU"));
    fixture.clock.advance(NEXT_DAY);

    tracking.trackDueOrders();

    assertThat(fixture.events.findByParcel(parcel.id())).extracting(TrackingEvent::rawCode)
        .containsExactly("OSTORE_LABEL", "OC", "PU");
    assertThat(fixture.outbox.ofType("label_created")).hasSize(1);
    assertThat(trackedEvents()).extracting(ShipmentEvent::eventType).containsExactly("picked_up");
  }

  @Test
  void aLateOlderScanIsRecordedButDoesNotSetTheStatusBack() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    Parcel parcel = shipment.parcels().get(0);
    fixture.fedex.scans(parcel.trackingNumber(), scan(OUT_FOR_DELIVERY, "2026-01-06T07:00-05:00", "OD"));
    fixture.clock.advance(NEXT_DAY);
    tracking.trackDueOrders();

    fixture.fedex.scans(parcel.trackingNumber(), scan(IN_TRANSIT, "2026-01-06T01:00-05:00", "IT"));
    fixture.clock.advance(NEXT_DAY);
    tracking.trackDueOrders();

    assertThat(fixture.shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
    assertThat(trackedEvents()).extracting(ShipmentEvent::eventType).containsExactly("out_for_delivery", "in_transit");
    assertThat(trackedEvents().get(1).shipmentStatus()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
  }

  @Test
  void scansReportedOutOfOrderEndAtTheLatestOne() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.USPS, 1);
    fixture.usps.scans(shipment.parcels().get(0).trackingNumber(), scan(DELIVERED, "2026-01-06T09:00-08:00", "01"),
        scan(IN_TRANSIT, "2026-01-06T02:00-08:00", "T1"), scan(OUT_FOR_DELIVERY, "2026-01-06T06:00-08:00", "OF"));
    fixture.clock.advance(NEXT_DAY);

    tracking.trackDueOrders();

    assertThat(fixture.shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(trackedEvents()).extracting(ShipmentEvent::eventType)
        .containsExactly("in_transit", "out_for_delivery", "delivered");
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 1).state()).isEqualTo(State.DONE);
  }

  @Test
  void aCarrierOutageRetriesItsOrdersWhileTheOtherCarriersOrdersAreRecorded() {
    Shipment byFedex = fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    Shipment byUsps = fixture.labelledShipment(2, CarrierCode.USPS, 1);
    fixture.fedex.nextTrackUnavailable()
        .scans(byFedex.parcels().get(0).trackingNumber(), scan(PICKED_UP, "2026-01-05T17:00-05:00", "PU"));
    fixture.usps.scans(byUsps.parcels().get(0).trackingNumber(), scan(PICKED_UP, "2026-01-05T16:00-05:00", "03"));
    fixture.clock.advance(NEXT_DAY);

    assertThat(tracking.trackDueOrders()).isEqualTo(2);

    assertThat(trackedEvents()).singleElement().satisfies(e -> assertThat(e.shipmentId()).isEqualTo(byUsps.id()));
    assertThat(fixture.shipments.get(byUsps.id()).status()).isEqualTo(ShipmentStatus.SHIPPED);
    assertThat(fixture.shipments.get(byFedex.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    StoredTask retried = fixture.tasks.get(TaskKind.TRACK_ORDER, 1);
    assertThat(retried.runAt()).isEqualTo(fixture.clock.instant().plus(INITIAL_BACKOFF));
    assertThat(retried.lastError()).contains("503");
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 2).runAt()).isAfter(fixture.clock.instant().plus(Duration.ofHours(20)));

    fixture.clock.advance(INITIAL_BACKOFF);
    assertThat(tracking.trackDueOrders()).isEqualTo(1);

    assertThat(fixture.shipments.get(byFedex.id()).status()).isEqualTo(ShipmentStatus.SHIPPED);
    assertThat(trackedEvents()).extracting(ShipmentEvent::shipmentId).containsExactly(byUsps.id(), byFedex.id());
  }

  @Test
  void trackingStopsWhenTheOrderIsOlderThanTheMaximumTrackingAge() {
    Shipment shipment = fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.fedex.scans(shipment.parcels().get(0).trackingNumber(), scan(IN_TRANSIT, "2026-01-06T01:00-05:00", "IT"));
    fixture.clock.advance(fixture.settings.maxTrackingAge().plus(Duration.ofDays(1)));

    assertThat(tracking.trackDueOrders()).isEqualTo(1);

    StoredTask task = fixture.tasks.get(TaskKind.TRACK_ORDER, 1);
    assertThat(task.state()).isEqualTo(State.ABANDONED);
    assertThat(task.lastError()).contains("60 days");
    assertThat(trackedEvents()).extracting(ShipmentEvent::eventType).containsExactly("in_transit");
    fixture.clock.advance(Duration.ofDays(3));
    assertThat(tracking.trackDueOrders()).isZero();
  }

  @Test
  void anOrderWhoseLabelsAreStillPendingKeepsBeingTracked() {
    Shipment labelled = fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.fedex.scans(labelled.parcels().get(0).trackingNumber(), scan(DELIVERED, "2026-01-06T01:00-05:00", "DL"));
    fixture.createService().createShipment(
        new CreateShipmentCommand(labelled.orderId(), labelled.address(), CarrierCode.USPS, null, null));
    fixture.clock.advance(NEXT_DAY);

    tracking.trackDueOrders();

    assertThat(fixture.shipments.get(labelled.id()).status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 1).state()).isEqualTo(State.WAITING);
  }

  private List<ShipmentEvent> trackedEvents() {
    Set<String> notTracked = new HashSet<>(List.of("label_created", "failed"));
    return fixture.outbox.all().stream().filter(e -> !notTracked.contains(e.eventType())).toList();
  }

  private static CarrierScan scan(TrackingEventType type, String at, String rawCode) {
    return new CarrierScan(type, OffsetDateTime.parse(at), "MEMPHIS, TN, US", rawCode, type.wireName() + " scan",
        Map.of());
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what one tracking run learned about one order, in one transaction: new scans (a scan seen
 * before is stored once), package and shipment statuses, one outgoing event per new scan, and the
 * order's next run (or the end of its tracking). The order's shipments are read inside that
 * transaction, so the outcome is decided on what the order holds when the run ends. The transaction
 * first makes sure the run's claim still holds and ends with the fenced acknowledgement: a run that
 * lost its claim records nothing ({@link LostLeaseException}).
 */
final class TrackingRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingRecorder.class);
  private static final Comparator<TrackingEvent> CHRONOLOGICAL =
      Comparator.comparing(event -> event.occurredAt().toInstant());

  private final StoragePorts storage;
  private final OnCallPager pager;
  private final TrackingSchedule schedule;
  private final Duration maxTrackingAge;
  private final Clock clock;

  TrackingRecorder(StoragePorts storage, OnCallPager pager, TrackingSchedule schedule, Duration maxTrackingAge,
      Clock clock) {
    this.storage = storage;
    this.pager = pager;
    this.schedule = schedule;
    this.maxTrackingAge = maxTrackingAge;
    this.clock = clock;
  }

  void record(Claim claim, Map<TrackingNumber, TrackingReport> reports) {
    Task task = claim.task();
    Instant now = clock.instant();
    boolean resolved = storage.transactions().inTransaction(() -> {
      if (!storage.tasks().isHeld(claim)) {
        throw new LostLeaseException(task);
      }
      // Lock before reading: the events are built from what is read next, and must leave in the order
      // they commit.
      OrderId order = OrderId.of(task.subjectId());
      storage.outbox().lockOrderEvents(order);
      // Read again, not at claim time: a shipment labelled during the run must keep the order tracked.
      List<Shipment> shipments = storage.shipments().findByOrderId(order);
      List<Shipment> after = new ArrayList<>();
      for (Shipment shipment : shipments) {
        after.add(recordShipment(shipment, reports, now));
      }
      if (!finishRun(claim, after, now)) {
        throw new LostLeaseException(task);
      }
      // The run succeeded: whatever alert it raised is over (its next run starts held up by nothing).
      return pager.resolve(task.alertKey());
    });
    if (resolved) {
      pager.announceResolved(task.alertKey());
    }
  }

  private Shipment recordShipment(Shipment shipment, Map<TrackingNumber, TrackingReport> reports, Instant now) {
    Shipment current = shipment;
    List<TrackingEvent> fresh = new ArrayList<>();
    for (Parcel parcel : TrackingService.trackable(shipment)) {
      TrackingReport report = reports.get(parcel.trackingNumber());
      if (report == null || !report.found()) {
        continue;
      }
      List<TrackingEvent> observed = report.scans().stream().map(scan -> toEvent(parcel, scan)).sorted(CHRONOLOGICAL)
          .toList();
      List<TrackingEvent> added = storage.events().addNew(observed);
      if (added.isEmpty()) {
        continue;
      }
      fresh.addAll(added);
      // Scans can arrive late and out of order: the package stands where its latest meaningful scan says.
      Optional<ShipmentStatus> latest = observed.stream()
          .filter(e -> e.type().packageStatus().isPresent())
          .max(CHRONOLOGICAL)
          .flatMap(e -> e.type().packageStatus());
      if (latest.isPresent()) {
        current = current.parcelMoved(parcel.id(), latest.get(), now);
      }
    }
    if (fresh.isEmpty()) {
      return current;
    }
    Shipment saved = current == shipment ? shipment : storage.shipments().update(current);
    List<ShipmentEvent> outgoing = new ArrayList<>();
    fresh.stream().sorted(CHRONOLOGICAL)
        // label_created went out when the label was bought; the carrier's own echo of it adds nothing.
        .filter(e -> e.type() != TrackingEventType.LABEL_CREATED)
        .forEach(e -> outgoing.add(ShipmentEvents.tracked(saved, saved.parcel(e.parcelId()).orElseThrow(), e, now)));
    storage.outbox().append(outgoing);
    return saved;
  }

  private boolean finishRun(Claim claim, List<Shipment> shipments, Instant now) {
    Task task = claim.task();
    boolean awaitingLabels = shipments.stream().anyMatch(s -> s.status() == ShipmentStatus.PENDING);
    boolean settled = !awaitingLabels && shipments.stream().allMatch(Shipment::isSettled);
    if (settled) {
      LOG.info("order {}: every package reached a final status; tracking ends", task.subjectId());
      return storage.tasks().complete(claim, now);
    }
    if (now.isAfter(task.enqueuedAt().plus(maxTrackingAge))) {
      String reason = "tracking stopped after " + maxTrackingAge.toDays() + " days without every package arriving";
      LOG.warn("order {}: {}", task.subjectId(), reason);
      return storage.tasks().abandon(claim, reason, now);
    }
    // An order tracked early to fill a batch keeps its daily time: earliness never accumulates.
    Instant dueAt = task.awaitingAckSince();
    Instant next = dueAt.isAfter(now) ? dueAt.plus(schedule.interval()) : schedule.nextRun(OrderId.of(task.subjectId()), now);
    return storage.tasks().completeAndReschedule(claim, next, now);
  }

  private static TrackingEvent toEvent(Parcel parcel, CarrierScan scan) {
    return TrackingEvent.observed(parcel.id(), scan.type(), scan.occurredAt(), scan.location(), scan.rawCode(),
        scan.description(), scan.details(), scan.stated());
  }
}

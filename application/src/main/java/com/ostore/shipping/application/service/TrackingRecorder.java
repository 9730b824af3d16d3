package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what one tracking run learned about a group of orders, in one transaction: new scans (a scan
 * seen before is stored once), package and shipment statuses, one outgoing event per new scan, and each
 * order's next run (or the end of its tracking). The transaction first locks the claims that still hold
 * their tasks (a claim found lost is left out: its order records nothing), then takes those orders'
 * event locks, and only then reads their shipments, so the outcome is decided on what each order holds
 * when the run ends and its events leave in commit order. The work is done set-wise: one statement (or
 * one batch) per step for the whole group, so the round trips do not grow with the number of orders.
 * Anything else failing rolls the whole group back; the caller then records its orders one by one.
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

  /** Records the orders of these claims; returns the claims that still held (the others recorded nothing). */
  List<Claim> record(List<Claim> claims, Map<TrackingNumber, TrackingReport> reports) {
    Instant now = clock.instant();
    Recorded recorded = storage.transactions().inTransaction(() -> {
      List<Claim> held = storage.tasks().stillHeld(claims);
      if (held.isEmpty()) {
        return new Recorded(held, Set.of());
      }
      List<OrderId> orders = held.stream().map(claim -> OrderId.of(claim.task().subjectId())).toList();
      // Lock before reading: the events are built from what is read next, and must leave in the order
      // they commit.
      storage.outbox().lockOrderEvents(orders);
      // Read again, not at claim time: a shipment labelled during the run must keep the order tracked.
      Map<OrderId, List<Shipment>> before = storage.shipments().findByOrderIds(orders);
      Map<OrderId, List<Shipment>> after = recordScans(before, reports, now);
      Map<Claim, Instant> nextRuns = new LinkedHashMap<>();
      for (Claim claim : held) {
        finishRun(claim, after.get(OrderId.of(claim.task().subjectId())), now).ifPresent(next -> nextRuns.put(claim, next));
      }
      if (storage.tasks().completeAndRescheduleAll(nextRuns, now) != nextRuns.size()) {
        throw new IllegalStateException("a tracking claim locked in this transaction was superseded");
      }
      // The runs succeeded: whatever alert they raised is over (their next runs start held up by nothing).
      return new Recorded(held, pager.resolveAll(held.stream().map(claim -> claim.task().alertKey()).toList()));
    });
    recorded.resolved().forEach(pager::announceResolved);
    return recorded.held();
  }

  private record Recorded(List<Claim> held, Set<String> resolved) {}

  /** Stores the new scans of every order's packages, moves the packages and appends the events; returns the shipments after. */
  private Map<OrderId, List<Shipment>> recordScans(
      Map<OrderId, List<Shipment>> before, Map<TrackingNumber, TrackingReport> reports, Instant now) {
    Map<ParcelId, List<TrackingEvent>> observed = new LinkedHashMap<>();
    before.values().forEach(shipments -> shipments.forEach(shipment -> {
      for (Parcel parcel : TrackingService.trackable(shipment)) {
        TrackingReport report = reports.get(parcel.trackingNumber());
        if (report != null && report.found()) {
          observed.put(parcel.id(),
              report.scans().stream().map(scan -> toEvent(parcel, scan)).sorted(CHRONOLOGICAL).toList());
        }
      }
    }));
    List<TrackingEvent> all = observed.values().stream().flatMap(List::stream).toList();
    Map<ParcelId, List<TrackingEvent>> added = new HashMap<>();
    if (!all.isEmpty()) {
      storage.events().addNew(all).forEach(e -> added.computeIfAbsent(e.parcelId(), p -> new ArrayList<>()).add(e));
    }
    List<Shipment> changed = new ArrayList<>();
    Map<ShipmentId, List<TrackingEvent>> fresh = new LinkedHashMap<>();
    Map<ShipmentId, Shipment> moved = new HashMap<>();
    before.values().forEach(shipments -> shipments.forEach(shipment -> {
      Shipment current = shipment;
      for (Parcel parcel : TrackingService.trackable(shipment)) {
        List<TrackingEvent> stored = added.getOrDefault(parcel.id(), List.of());
        if (stored.isEmpty()) {
          continue;
        }
        fresh.computeIfAbsent(shipment.id(), s -> new ArrayList<>()).addAll(stored);
        // Scans can arrive late and out of order: the package stands where its latest meaningful scan says.
        Optional<ShipmentStatus> latest = observed.get(parcel.id()).stream()
            .filter(e -> e.type().packageStatus().isPresent())
            .max(CHRONOLOGICAL)
            .flatMap(e -> e.type().packageStatus());
        if (latest.isPresent()) {
          current = current.parcelMoved(parcel.id(), latest.get(), now);
        }
      }
      if (current != shipment) {
        changed.add(current);
      }
    }));
    storage.shipments().updateAll(changed).forEach(saved -> moved.put(saved.id(), saved));
    List<ShipmentEvent> outgoing = new ArrayList<>();
    Map<OrderId, List<Shipment>> after = new LinkedHashMap<>();
    before.forEach((order, shipments) -> after.put(order, shipments.stream().map(shipment -> {
      Shipment saved = moved.getOrDefault(shipment.id(), shipment);
      fresh.getOrDefault(shipment.id(), List.of()).stream().sorted(CHRONOLOGICAL)
          // label_created went out when the label was bought; the carrier's own echo of it adds nothing.
          .filter(e -> e.type() != TrackingEventType.LABEL_CREATED)
          .forEach(e -> outgoing.add(ShipmentEvents.tracked(saved, saved.parcel(e.parcelId()).orElseThrow(), e, now)));
      return saved;
    }).toList()));
    storage.outbox().append(outgoing);
    return after;
  }

  /** Ends the order's tracking (acknowledged here) or returns its next run (acknowledged with the group's). */
  private Optional<Instant> finishRun(Claim claim, List<Shipment> shipments, Instant now) {
    Task task = claim.task();
    boolean awaitingLabels = shipments.stream().anyMatch(s -> s.status() == ShipmentStatus.PENDING);
    boolean settled = !awaitingLabels && shipments.stream().allMatch(Shipment::isSettled);
    if (settled) {
      LOG.info("order {}: every package reached a final status; tracking ends", task.subjectId());
      acknowledged(claim, storage.tasks().complete(claim, now));
      return Optional.empty();
    }
    if (now.isAfter(task.enqueuedAt().plus(maxTrackingAge))) {
      String reason = "tracking stopped after " + maxTrackingAge.toDays() + " days without every package arriving";
      LOG.warn("order {}: {}", task.subjectId(), reason);
      acknowledged(claim, storage.tasks().abandon(claim, reason, now));
      return Optional.empty();
    }
    // Counted from when this run was due: an order keeps its daily time, whether this run was early or late.
    return Optional.of(schedule.runAfter(task.awaitingAckSince(), now));
  }

  private static void acknowledged(Claim claim, boolean done) {
    if (!done) {
      throw new LostLeaseException(claim.task());
    }
  }

  private static TrackingEvent toEvent(Parcel parcel, CarrierScan scan) {
    return TrackingEvent.observed(parcel.id(), scan.type(), scan.occurredAt(), scan.location(), scan.rawCode(),
        scan.description(), scan.details(), scan.stated());
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.TrackShipmentsUseCase;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic tracking run. Claims the orders that are due, pools their tracking numbers per carrier
 * and asks each carrier in its largest batches (orders due together share calls), then records each
 * order's changes in its own transaction. An order whose carrier could not answer is retried with
 * backoff; the others go on. The run's claims are renewed for as long as it runs; once they are all
 * found lost it stops asking the carriers, and an order whose claim was lost is not recorded.
 */
public final class TrackingService implements TrackShipmentsUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);

  private final StoragePorts storage;
  private final CarrierGateways carriers;
  private final TrackingRecorder recorder;
  private final OnCallPager pager;
  private final WorkSettings settings;
  private final int ordersPerRun;
  private final LeaseService leases;
  private final Clock clock;

  /** A tracking worker with leases of its own (embedders renew them through their own {@link LeaseService}). */
  public TrackingService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, WorkSettings settings, int ordersPerRun,
      String workerId, Clock clock) {
    this(storage, carriers, alerter, settings, ordersPerRun,
        new LeaseService(storage.tasks(), workerId, settings.lease(), clock), clock);
  }

  /** A tracking worker whose claims {@code leases} keeps, with every other worker of the same instance. */
  public TrackingService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, WorkSettings settings, int ordersPerRun,
      LeaseService leases, Clock clock) {
    this.storage = storage;
    this.carriers = carriers;
    this.settings = settings;
    this.ordersPerRun = ordersPerRun;
    this.leases = leases;
    this.clock = clock;
    this.pager = new OnCallPager(storage.alerts(), alerter, clock);
    this.recorder = new TrackingRecorder(storage, pager,
        new TrackingSchedule(settings.trackingInterval(), settings.trackingSpread()), settings.maxTrackingAge(), clock);
  }

  @Override
  public int trackDueOrders() {
    List<HeldClaim> due = leases.claim(Set.of(TaskKind.TRACK_ORDER), ordersPerRun, clock.instant());
    try {
      List<HeldClaim> running = due.stream().filter(HeldClaim::start).toList();
      if (!running.isEmpty()) {
        track(running);
      }
    } finally {
      due.forEach(HeldClaim::release);
    }
    return due.size();
  }

  private void track(List<HeldClaim> running) {
    Map<HeldClaim, List<Shipment>> orders = new HashMap<>();
    Map<CarrierCode, Set<TrackingNumber>> numbers = new EnumMap<>(CarrierCode.class);
    for (HeldClaim claim : running) {
      List<Shipment> shipments = storage.shipments().findByOrderId(OrderId.of(claim.task().subjectId()));
      orders.put(claim, shipments);
      for (Shipment shipment : shipments) {
        trackable(shipment).forEach(p ->
            numbers.computeIfAbsent(shipment.carrier(), c -> new LinkedHashSet<>()).add(p.trackingNumber()));
      }
    }
    Map<TrackingNumber, TrackingReport> reports = new HashMap<>();
    Map<CarrierCode, CarrierException> outages = new EnumMap<>(CarrierCode.class);
    BooleanSupplier anyHeld = () -> running.stream().anyMatch(claim -> !claim.isLost());
    numbers.forEach((carrier, wanted) -> askCarrier(carrier, List.copyOf(wanted), reports, outages, anyHeld));
    for (HeldClaim held : running) {
      if (held.isLost()) {
        LOG.warn("tracking order {}: the lease was lost during the run; another worker tracks it", held.task().subjectId());
        continue;
      }
      finish(held.claim(), orders.get(held), reports, outages);
    }
  }

  private void finish(
      Claim claim, List<Shipment> shipments, Map<TrackingNumber, TrackingReport> reports,
      Map<CarrierCode, CarrierException> outages) {
    Optional<CarrierException> outage = shipments.stream()
        .filter(s -> !trackable(s).isEmpty())
        .map(s -> outages.get(s.carrier()))
        .filter(e -> e != null)
        .findFirst();
    try {
      if (outage.isPresent()) {
        retry(claim, outage.get());
      } else {
        recorder.record(claim, reports);
      }
    } catch (LostLeaseException e) {
      LOG.warn("tracking order {}: {}; another worker tracks it", claim.task().subjectId(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("tracking order {} failed; it will be retried", claim.task().subjectId(), e);
      retry(claim, e);
    }
  }

  /** The packages still worth asking about: labelled and not at a final status. */
  static List<Parcel> trackable(Shipment shipment) {
    return shipment.parcels().stream()
        .filter(p -> p.trackingNumber() != null && !p.status().isFinal())
        .toList();
  }

  private void askCarrier(
      CarrierCode carrier, List<TrackingNumber> wanted, Map<TrackingNumber, TrackingReport> reports,
      Map<CarrierCode, CarrierException> outages, BooleanSupplier anyClaimHeld) {
    if (!carriers.supports(carrier)) {
      outages.put(carrier, new CarrierUnavailableException(carrier, "no gateway is configured", null, null, null));
      return;
    }
    CarrierGateway gateway = carriers.forCarrier(carrier);
    int batch = gateway.maxTrackingBatchSize();
    for (int from = 0; from < wanted.size(); from += batch) {
      if (!anyClaimHeld.getAsBoolean()) {
        LOG.warn("every lease of this tracking run was lost; it stops asking {}", carrier.wireName());
        return;
      }
      List<TrackingNumber> chunk = wanted.subList(from, Math.min(wanted.size(), from + batch));
      try {
        gateway.track(chunk).forEach(report -> reports.put(report.trackingNumber(), report));
      } catch (CarrierException e) {
        LOG.warn("tracking with {} failed after {} of {} numbers: {}", carrier.wireName(), from, wanted.size(),
            e.getMessage());
        outages.put(carrier, e);
        return;
      }
    }
    String outage = OnCallPager.carrierUnavailable(carrier);
    if (pager.resolve(outage)) {
      pager.announceResolved(outage);
    }
  }

  private void retry(Claim claim, RuntimeException cause) {
    Task task = claim.task();
    Duration wait = settings.backoff().delayAfter(task.attempts());
    if (cause instanceof CarrierUnavailableException unavailable && unavailable.retryAfter().isPresent()
        && unavailable.retryAfter().get().compareTo(wait) > 0) {
      wait = unavailable.retryAfter().get();
    }
    String blockedBy = cause instanceof CarrierUnavailableException down
        ? OnCallPager.carrierUnavailable(down.carrier()) : null;
    Instant now = clock.instant();
    storage.tasks().retryLater(claim, now.plus(wait), String.valueOf(cause.getMessage()), blockedBy, now);
  }
}

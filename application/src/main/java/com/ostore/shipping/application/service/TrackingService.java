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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The periodic tracking run. Claims the orders that are due, pools their tracking numbers per carrier
 * and asks each carrier in its largest batches (orders due together share calls), then records each
 * order's changes in its own transaction. An order whose carrier could not answer is retried with
 * backoff; the others go on.
 */
public final class TrackingService implements TrackShipmentsUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);

  private final StoragePorts storage;
  private final CarrierGateways carriers;
  private final TrackingRecorder recorder;
  private final OnCallPager pager;
  private final WorkSettings settings;
  private final int ordersPerRun;
  private final String workerId;
  private final Clock clock;

  public TrackingService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, WorkSettings settings, int ordersPerRun,
      String workerId, Clock clock) {
    this.storage = storage;
    this.carriers = carriers;
    this.settings = settings;
    this.ordersPerRun = ordersPerRun;
    this.workerId = workerId;
    this.clock = clock;
    this.pager = new OnCallPager(storage.alerts(), alerter, clock);
    this.recorder = new TrackingRecorder(storage, pager,
        new TrackingSchedule(settings.trackingInterval(), settings.trackingSpread()), settings.maxTrackingAge(), clock);
  }

  @Override
  public int trackDueOrders() {
    List<Task> due =
        storage.tasks().claim(Set.of(TaskKind.TRACK_ORDER), ordersPerRun, workerId, clock.instant(), settings.lease());
    if (due.isEmpty()) {
      return 0;
    }
    Map<Task, List<Shipment>> orders = new HashMap<>();
    Map<CarrierCode, Set<TrackingNumber>> numbers = new EnumMap<>(CarrierCode.class);
    for (Task task : due) {
      List<Shipment> shipments = storage.shipments().findByOrderId(OrderId.of(task.subjectId()));
      orders.put(task, shipments);
      for (Shipment shipment : shipments) {
        trackable(shipment).forEach(p ->
            numbers.computeIfAbsent(shipment.carrier(), c -> new LinkedHashSet<>()).add(p.trackingNumber()));
      }
    }
    Map<TrackingNumber, TrackingReport> reports = new HashMap<>();
    Map<CarrierCode, CarrierException> outages = new EnumMap<>(CarrierCode.class);
    numbers.forEach((carrier, wanted) -> askCarrier(carrier, List.copyOf(wanted), reports, outages));
    for (Task task : due) {
      List<Shipment> shipments = orders.get(task);
      Optional<CarrierException> outage = shipments.stream()
          .filter(s -> !trackable(s).isEmpty())
          .map(s -> outages.get(s.carrier()))
          .filter(e -> e != null)
          .findFirst();
      try (MDC.MDCCloseable order = MDC.putCloseable("orderId", Long.toString(task.subjectId()))) {
        if (outage.isPresent()) {
          retry(task, outage.get());
        } else {
          recorder.record(task, workerId, reports);
        }
      } catch (RuntimeException e) {
        LOG.error("tracking order {} failed; it will be retried", task.subjectId(), e);
        retry(task, e);
      }
    }
    return due.size();
  }

  /** The packages still worth asking about: labelled and not at a final status. */
  static List<Parcel> trackable(Shipment shipment) {
    return shipment.parcels().stream()
        .filter(p -> p.trackingNumber() != null && !p.status().isFinal())
        .toList();
  }

  private void askCarrier(
      CarrierCode carrier, List<TrackingNumber> wanted, Map<TrackingNumber, TrackingReport> reports,
      Map<CarrierCode, CarrierException> outages) {
    if (!carriers.supports(carrier)) {
      outages.put(carrier, new CarrierUnavailableException(carrier, "no gateway is configured", null, null, null));
      return;
    }
    CarrierGateway gateway = carriers.forCarrier(carrier);
    int batch = gateway.maxTrackingBatchSize();
    for (int from = 0; from < wanted.size(); from += batch) {
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

  private void retry(Task task, RuntimeException cause) {
    Duration wait = settings.backoff().delayAfter(task.attempts());
    if (cause instanceof CarrierUnavailableException unavailable && unavailable.retryAfter().isPresent()
        && unavailable.retryAfter().get().compareTo(wait) > 0) {
      wait = unavailable.retryAfter().get();
    }
    storage.tasks().noteBlockedBy(task.id(), cause instanceof CarrierUnavailableException down
        ? OnCallPager.carrierUnavailable(down.carrier()) : null);
    Instant now = clock.instant();
    storage.tasks().retryLater(task.id(), workerId, now.plus(wait), String.valueOf(cause.getMessage()), now);
  }
}

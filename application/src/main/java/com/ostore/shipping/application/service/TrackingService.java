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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The periodic tracking run. Claims the orders that are due, pools their tracking numbers per carrier
 * and asks each carrier in its largest batches (orders due together share calls); while it asks, a
 * recording thread records the orders already answered, several orders per transaction (one by one if
 * such a group fails). An order whose carrier could not answer is retried with backoff; the others go on. The run's claims are renewed for as long as it runs; once they are all
 * found lost it stops asking the carriers, and an order whose claim was lost is not recorded.
 */
public final class TrackingService implements TrackShipmentsUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);
  /**
   * At most this many orders are recorded in one transaction: enough that a group's dozen round trips
   * cost little per order, few enough that one order failing (its group is then recorded one by one)
   * costs little.
   */
  static final int ORDERS_PER_TRANSACTION = 32;

  private final StoragePorts storage;
  private final CarrierGateways carriers;
  private final TrackingRecorder recorder;
  private final OnCallPager pager;
  private final WorkSettings settings;
  private final int ordersPerRun;
  private final LeaseService leases;
  private final Clock clock;
  private final TrackingQuota quota;

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
    this.quota = new TrackingQuota(settings.trackingCallsPerHour(), storage.trackingCalls());
    this.pager = new OnCallPager(storage.alerts(), alerter, clock);
    this.recorder = new TrackingRecorder(storage, pager,
        new TrackingSchedule(settings.trackingInterval(), settings.trackingSpread()), settings.maxTrackingAge(), clock);
  }

  /**
   * Tracks the orders due now, within each carrier's hourly budget: the orders due longest go first, and
   * those the budget cannot carry now are handed back untouched (still due, still counted from when they
   * fell due, so they go first next time) and reported as the carrier's backlog. When the orders taken
   * leave a carrier's last call partly empty, orders due within the early window on the same carrier
   * fill it (soonest due first), so that in steady state, with orders coming due one by one all day,
   * calls still carry full batches. Early orders that would not fit are handed back, due at their own time.
   */
  @Override
  public int trackDueOrders() {
    Instant now = clock.instant();
    List<HeldClaim> due = leases.claim(Set.of(TaskKind.TRACK_ORDER), ordersPerRun, now);
    List<HeldClaim> claimed = new ArrayList<>(due);
    try {
      if (due.isEmpty()) {
        return 0;
      }
      Map<HeldClaim, List<Shipment>> orders = new LinkedHashMap<>();
      Map<CarrierCode, Integer> capacity = new EnumMap<>(CarrierCode.class);
      Map<CarrierCode, Integer> backlog = new EnumMap<>(CarrierCode.class);
      Map<HeldClaim, List<Shipment>> dueShipments = shipmentsOf(due);
      for (HeldClaim claim : due) {
        List<Shipment> shipments = dueShipments.get(claim);
        Map<CarrierCode, Integer> needed = numbersPerCarrier(shipments);
        needed.keySet().forEach(carrier -> {
          capacity.computeIfAbsent(carrier, c -> numbersAllowed(c, now));
          backlog.putIfAbsent(carrier, 0);
        });
        if (takes(needed, capacity)) {
          orders.put(claim, shipments);
        } else {
          needed.keySet().forEach(carrier -> backlog.merge(carrier, 1, Integer::sum));
          leases.handBack(claim);
        }
      }
      backlog.forEach(quota::backlog);
      backlog.forEach((carrier, n) -> {
        if (n > 0) {
          LOG.warn("tracking {}: {} due orders wait for the hourly budget", carrier.wireName(), n);
        }
      });
      Duration window = settings.trackingEarlyWindow();
      if (!window.isZero() && due.size() < ordersPerRun && !orders.isEmpty()) {
        List<HeldClaim> early = leases.claim(Set.of(TaskKind.TRACK_ORDER), ordersPerRun - due.size(), now.plus(window))
            .stream().filter(claim -> !due.contains(claim)).toList();
        claimed.addAll(early);
        Map<CarrierCode, Integer> room = roomLeft(orders.values());
        Map<HeldClaim, List<Shipment>> earlyShipments = shipmentsOf(early);
        for (HeldClaim claim : early) {
          List<Shipment> shipments = earlyShipments.get(claim);
          boolean dueAlready = !claim.task().awaitingAckSince().isAfter(now);
          if (takes(numbersPerCarrier(shipments), room)) {
            orders.put(claim, shipments);
          } else if (dueAlready && takes(numbersPerCarrier(shipments), capacity)) {
            // Came due between the two claims: it is due, not early, so any call the budget allows may carry it.
            orders.put(claim, shipments);
          } else {
            leases.handBack(claim);
          }
        }
      }
      List<HeldClaim> running = claimed.stream().filter(orders::containsKey).filter(HeldClaim::start).toList();
      if (!running.isEmpty()) {
        track(running, orders);
      }
      return running.size();
    } finally {
      claimed.forEach(HeldClaim::release);
    }
  }

  /** The orders each carrier waits to track that the last run had to leave for want of tracking budget. */
  @Override
  public Map<CarrierCode, Integer> backlog() {
    return quota.backlog();
  }

  /** How many numbers the calls this carrier's budget allows now can carry. */
  private int numbersAllowed(CarrierCode carrier, Instant now) {
    int calls = quota.available(carrier, now);
    if (calls == Integer.MAX_VALUE || !carriers.supports(carrier)) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, (long) calls * carriers.forCarrier(carrier).maxTrackingBatchSize());
  }

  /** Whether every number fits in what is left per carrier; if so, reserves it. */
  private static boolean takes(Map<CarrierCode, Integer> needed, Map<CarrierCode, Integer> left) {
    if (needed.entrySet().stream().anyMatch(e -> left.getOrDefault(e.getKey(), 0) < e.getValue())) {
      return false;
    }
    needed.forEach((carrier, n) -> left.computeIfPresent(carrier,
        (c, l) -> l == Integer.MAX_VALUE ? l : l - n));
    return true;
  }

  /** Each claimed order's shipments, read in one go. */
  private Map<HeldClaim, List<Shipment>> shipmentsOf(List<HeldClaim> claims) {
    Map<OrderId, List<Shipment>> byOrder = claims.isEmpty() ? Map.of()
        : storage.shipments().findByOrderIds(claims.stream().map(TrackingService::orderOf).distinct().toList());
    Map<HeldClaim, List<Shipment>> shipments = new HashMap<>();
    claims.forEach(claim -> shipments.put(claim, byOrder.getOrDefault(orderOf(claim), List.of())));
    return shipments;
  }

  private static OrderId orderOf(HeldClaim claim) {
    return OrderId.of(claim.task().subjectId());
  }

  /** Per carrier, how many more numbers the calls the orders taken need anyway could carry. */
  private Map<CarrierCode, Integer> roomLeft(Iterable<List<Shipment>> taken) {
    Map<CarrierCode, Integer> counts = new EnumMap<>(CarrierCode.class);
    for (List<Shipment> shipments : taken) {
      numbersPerCarrier(shipments).forEach((carrier, n) -> counts.merge(carrier, n, Integer::sum));
    }
    Map<CarrierCode, Integer> room = new EnumMap<>(CarrierCode.class);
    counts.forEach((carrier, n) -> {
      if (carriers.supports(carrier)) {
        room.put(carrier, Math.floorMod(-n, carriers.forCarrier(carrier).maxTrackingBatchSize()));
      }
    });
    return room;
  }

  private static Map<CarrierCode, Integer> numbersPerCarrier(List<Shipment> shipments) {
    Map<CarrierCode, Integer> counts = new EnumMap<>(CarrierCode.class);
    for (Shipment shipment : shipments) {
      int n = trackable(shipment).size();
      if (n > 0) {
        counts.merge(shipment.carrier(), n, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * Asks the carriers and records the answers at the same time: an order is handed to the recording
   * thread as soon as the last of its numbers is answered, while the run asks about the next batch.
   * Orders a carrier could not answer are retried once the carriers are done.
   */
  private void track(List<HeldClaim> running, Map<HeldClaim, List<Shipment>> orders) {
    Map<CarrierCode, Set<TrackingNumber>> numbers = new EnumMap<>(CarrierCode.class);
    Map<TrackingNumber, List<HeldClaim>> askedFor = new HashMap<>();
    Map<HeldClaim, Integer> unanswered = new HashMap<>();
    List<HeldClaim> nothingToAsk = new ArrayList<>();
    for (HeldClaim claim : running) {
      Set<TrackingNumber> own = new LinkedHashSet<>();
      for (Shipment shipment : orders.get(claim)) {
        trackable(shipment).forEach(p -> {
          numbers.computeIfAbsent(shipment.carrier(), c -> new LinkedHashSet<>()).add(p.trackingNumber());
          own.add(p.trackingNumber());
        });
      }
      own.forEach(n -> askedFor.computeIfAbsent(n, k -> new ArrayList<>()).add(claim));
      if (own.isEmpty()) {
        nothingToAsk.add(claim);
      } else {
        unanswered.put(claim, own.size());
      }
    }
    Map<TrackingNumber, TrackingReport> reports = new ConcurrentHashMap<>();
    Map<CarrierCode, CarrierException> outages = new EnumMap<>(CarrierCode.class);
    BooleanSupplier anyHeld = () -> running.stream().anyMatch(claim -> !claim.isLost());
    try (TrackingRecordingQueue recording = new TrackingRecordingQueue(ORDERS_PER_TRANSACTION,
        group -> recordGroup(group, reports))) {
      recording.add(nothingToAsk);
      numbers.forEach((carrier, wanted) -> askCarrier(carrier, List.copyOf(wanted), reports, outages, anyHeld,
          answered -> recording.add(lastAnswered(answered, askedFor, unanswered))));
    }
    for (HeldClaim held : running) {
      if (unanswered.getOrDefault(held, 0) == 0) {
        continue;
      }
      if (held.isLost()) {
        LOG.warn("tracking order {}: the lease was lost during the run; another worker tracks it", held.task().subjectId());
        continue;
      }
      Optional<CarrierException> outage = orders.get(held).stream()
          .filter(s -> !trackable(s).isEmpty())
          .map(s -> outages.get(s.carrier()))
          .filter(e -> e != null)
          .findFirst();
      retry(held.claim(), outage.isPresent() ? outage.get()
          : new IllegalStateException("the run stopped before every number of the order was answered"));
    }
  }

  /** The orders whose last unanswered numbers these were. */
  private static List<HeldClaim> lastAnswered(
      List<TrackingNumber> answered, Map<TrackingNumber, List<HeldClaim>> askedFor, Map<HeldClaim, Integer> unanswered) {
    List<HeldClaim> complete = new ArrayList<>();
    for (TrackingNumber number : answered) {
      for (HeldClaim claim : askedFor.getOrDefault(number, List.of())) {
        if (unanswered.merge(claim, -1, Integer::sum) == 0) {
          complete.add(claim);
        }
      }
    }
    return complete;
  }

  /**
   * Records a group of orders in one transaction; if that fails, each order in a transaction of its own,
   * so one order that cannot be recorded never holds the others back. Runs on the recording thread.
   */
  private void recordGroup(List<HeldClaim> group, Map<TrackingNumber, TrackingReport> reports) {
    try {
      recordOrRetry(group, reports);
    } finally {
      // Recorded (or handed to a retry): renewing these leases for the rest of the run would only find
      // them finished and report them lost, and shutdown would count them as still running.
      group.forEach(HeldClaim::release);
    }
  }

  private void recordOrRetry(List<HeldClaim> group, Map<TrackingNumber, TrackingReport> reports) {
    List<HeldClaim> live = new ArrayList<>();
    for (HeldClaim held : group) {
      if (held.isLost()) {
        LOG.warn("tracking order {}: the lease was lost during the run; another worker tracks it", held.task().subjectId());
      } else {
        live.add(held);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    try {
      List<Claim> claims = live.stream().map(HeldClaim::claim).toList();
      List<Claim> recorded = recorder.record(claims, reports);
      claims.stream().filter(claim -> !recorded.contains(claim)).forEach(claim -> LOG.warn(
          "tracking order {}: the lease was lost before its results were recorded; another worker tracks it",
          claim.task().subjectId()));
    } catch (RuntimeException e) {
      if (live.size() > 1) {
        LOG.warn("recording {} tracked orders together failed ({}); recording them one by one", live.size(),
            e.toString());
        live.forEach(held -> recordOrRetry(List.of(held), reports));
        return;
      }
      Claim claim = live.get(0).claim();
      if (e instanceof LostLeaseException) {
        LOG.warn("tracking order {}: {}; another worker tracks it", claim.task().subjectId(), e.getMessage());
        return;
      }
      LOG.error("tracking order {} failed; it will be retried", claim.task().subjectId(), e);
      try {
        retry(claim, e);
      } catch (RuntimeException retryFailed) {
        LOG.error("tracking order {}: the retry could not be recorded either; its lease runs out and it is tracked "
            + "again", claim.task().subjectId(), retryFailed);
      }
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
      Map<CarrierCode, CarrierException> outages, BooleanSupplier anyClaimHeld, Consumer<List<TrackingNumber>> answered) {
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
      Instant now = clock.instant();
      if (!quota.trySpend(carrier, now)) {
        // Another run, of this instance or another, spent the budget meanwhile: the rest waits rather than be
        // refused.
        outages.put(carrier, new CarrierUnavailableException(carrier, "the hourly tracking budget is spent", null,
            null, null));
        return;
      }
      try {
        gateway.track(chunk).forEach(report -> reports.put(report.trackingNumber(), report));
        answered.accept(chunk);
      } catch (CarrierException e) {
        LOG.warn("tracking with {} failed after {} of {} numbers: {}", carrier.wireName(), from, wanted.size(),
            e.getMessage());
        outages.put(carrier, e);
        if (e instanceof CarrierUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
          quota.refusedUntil(carrier, clock.instant().plus(unavailable.retryAfter().get()));
        }
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

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.ProcessLabelTasksUseCase;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.StaleShipmentException;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Buys the labels of pending shipments. A carrier outage is retried with backoff until it ends; a
 * carrier's refusal of the shipment's own data fails the shipment with the carrier's reason (the caller
 * fixes it; on-call is not paged); a refusal of our account, payment or credentials leaves the shipment
 * pending, pages on-call once per cause and pauses the carrier's label work until one probe per
 * interval gets a label again, which resolves the alert. The claimed task is the record that a purchase
 * may be under way: a task claimed again after its worker died asks the carrier adapter to reconcile
 * ({@link LabelRequest#resumingInterruptedAttempt()}).
 *
 * <p>Every claim of a batch is renewed while the batch runs; right before buying, the worker confirms
 * its claim still holds (and extends it), and the purchase is recorded only in a transaction fenced by
 * the claim. A worker that lost its claim anyway (a pause longer than the lease) records nothing and
 * voids what it bought, except a label that is the package's live one.
 */
public final class LabelTaskService implements ProcessLabelTasksUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(LabelTaskService.class);

  /** How long a carrier's label work pauses after an account refusal before one request probes it. */
  public static final Duration ACCOUNT_PROBE_INTERVAL = Duration.ofMinutes(10);

  private final ShipmentRepository shipments;
  private final AlertRepository alerts;
  private final TaskQueue tasks;
  private final CarrierGateways carriers;
  private final LabelRecorder recorder;
  private final UnrecordedLabels unrecorded;
  private final ShippingPreferences preferences;
  private final WorkSettings settings;
  private final LeaseService leases;
  private final Clock clock;

  /** A worker with leases of its own, renewed through {@link #renewLeases()}. */
  public LabelTaskService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, ShippingPreferences preferences,
      WorkSettings settings, String workerId, Clock clock) {
    this(storage, carriers, alerter, preferences, settings, new LeaseService(storage.tasks(), workerId,
        settings.lease(), clock), clock);
  }

  /** A worker whose claims {@code leases} keeps, with every other worker of the same instance. */
  public LabelTaskService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, ShippingPreferences preferences,
      WorkSettings settings, LeaseService leases, Clock clock) {
    this.shipments = storage.shipments();
    this.alerts = storage.alerts();
    this.tasks = storage.tasks();
    this.carriers = carriers;
    this.recorder = new LabelRecorder(storage, alerter,
        new TrackingSchedule(settings.trackingInterval(), settings.trackingSpread()), clock);
    this.unrecorded = new UnrecordedLabels(storage.shipments());
    this.preferences = preferences;
    this.settings = settings;
    this.leases = leases;
    this.clock = clock;
  }

  @Override
  public int processDueLabelTasks() {
    List<HeldClaim> claimed = leases.claim(Set.of(TaskKind.CREATE_LABELS), settings.claimBatchSize(), clock.instant());
    for (HeldClaim claim : claimed) {
      // Not started: handed back because the instance is stopping, or its lease is already known lost.
      if (claim.start()) {
        // Every log line about this work, down to the carrier adapter's, names the shipment.
        try (MDC.MDCCloseable shipment = MDC.putCloseable("shipmentId", Long.toString(claim.task().subjectId()))) {
          handle(claim);
        } finally {
          claim.release();
        }
      } else {
        claim.release();
      }
    }
    return claimed.size();
  }

  @Override
  public void renewLeases() {
    leases.renewLeases();
  }

  private void handle(HeldClaim held) {
    Claim claim = held.claim();
    Optional<Shipment> found = shipments.findById(ShipmentId.of(claim.task().subjectId()));
    if (found.isEmpty() || found.get().status() != ShipmentStatus.PENDING) {
      recorder.acknowledge(claim);
      return;
    }
    Shipment shipment = found.get();
    try {
      CarrierGateway gateway = carriers.forCarrier(shipment.carrier());
      if (!mayCallCarrier(claim, shipment)) {
        return;
      }
      if (!leases.confirm(held)) {
        LOG.warn("label work for shipment {}: the lease was lost before buying; another worker has it now",
            shipment.id());
        return;
      }
      LabelPurchase purchase = gateway.purchaseLabels(requestFor(shipment, claim.task(), gateway));
      try {
        recorder.recordPurchase(claim, shipment, purchase);
      } catch (LostLeaseException e) {
        unrecorded.afterLeaseLost(shipment, gateway, purchase);
      } catch (StaleShipmentException e) {
        changedMeanwhile(claim, shipment, purchase, e);
      }
    } catch (CarrierRejectedException e) {
      refused(claim, shipment, e);
    } catch (CarrierAccountException e) {
      accountRefused(claim, shipment, e);
    } catch (CarrierUnavailableException e) {
      retry(claim, e.getMessage(), e.retryAfter(), OnCallPager.carrierUnavailable(e.carrier()));
    } catch (StaleShipmentException | LostLeaseException e) {
      retry(claim, e.getMessage(), Optional.empty(), null);
    } catch (RuntimeException e) {
      LOG.error("label work for shipment {} failed unexpectedly; it will be retried", shipment.id(), e);
      retry(claim, e.toString(), Optional.empty(), null);
    }
  }

  /**
   * Our account was refused: the shipment stays pending, on-call is paged once for the cause, and the
   * carrier's label work pauses until the next probe (one request per interval, whoever takes it).
   */
  private void accountRefused(Claim claim, Shipment shipment, CarrierAccountException refusal) {
    recorder.pageAccountTrouble(shipment, refusal);
    Instant now = clock.instant();
    Duration pause = refusal.retryAfter().filter(w -> w.compareTo(ACCOUNT_PROBE_INTERVAL) > 0)
        .orElse(ACCOUNT_PROBE_INTERVAL);
    Instant probeAt = now.plus(pause);
    alerts.pauseUntil(refusal.causeKey(), probeAt);
    waitForProbe(claim, refusal.getMessage(), probeAt, refusal.causeKey());
  }

  /**
   * Whether this shipment may go to its carrier now: yes when no account cause pauses the carrier, or
   * when this worker took the pause's single probe; otherwise its work waits for the next probe.
   */
  private boolean mayCallCarrier(Claim claim, Shipment shipment) {
    Optional<AlertRepository.Pause> pause = alerts.pauseOf(LabelRecorder.accountCausePrefix(shipment.carrier()));
    if (pause.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    String cause = pause.get().cause();
    if (alerts.takeProbe(cause, now, now.plus(ACCOUNT_PROBE_INTERVAL))) {
      LOG.info("label work of {} is paused by {}; shipment {} probes whether it is fixed",
          shipment.carrier().wireName(), cause, shipment.id());
      return true;
    }
    Instant probeAt = pause.get().probeAt().isAfter(now) ? pause.get().probeAt() : now.plus(ACCOUNT_PROBE_INTERVAL);
    waitForProbe(claim, "paused until " + cause + " is fixed", probeAt, cause);
    return false;
  }

  private void waitForProbe(Claim claim, String error, Instant probeAt, String cause) {
    if (!tasks.retryLater(claim, probeAt, error, cause, clock.instant())) {
      LOG.warn("label work for shipment {}: the lease was lost while its carrier is paused by {}",
          claim.task().subjectId(), cause);
    }
  }

  private void refused(Claim claim, Shipment shipment, CarrierRejectedException refusal) {
    try {
      recorder.recordRefusal(claim, shipment, refusal);
    } catch (LostLeaseException e) {
      LOG.warn("shipment {}: {} refused the labels, but the lease was lost meanwhile; the current holder decides",
          shipment.id(), shipment.carrier().wireName());
    }
  }

  /** The shipment changed while its labels were bought: if it was cancelled, the labels go back. */
  private void changedMeanwhile(Claim claim, Shipment before, LabelPurchase purchase, StaleShipmentException stale) {
    Optional<Shipment> now = shipments.findById(before.id());
    if (now.isEmpty() || now.get().status() != ShipmentStatus.CANCELLED) {
      retry(claim, stale.getMessage(), Optional.empty(), null);
      return;
    }
    unrecorded.voidAll(before, carriers.forCarrier(before.carrier()), purchase);
    recorder.acknowledge(claim);
  }

  /**
   * The labels to buy, each package with its purchase key when the carrier takes one: stored (and
   * committed) before the first attempt, the stored one on every retry.
   */
  private LabelRequest requestFor(Shipment shipment, Task task, CarrierGateway gateway) {
    List<ParcelSpec> parcels = shipment.parcels().stream().map(p -> new ParcelSpec(p.id(), p.weight(), p.dimensions(),
        gateway.newPurchaseKey().map(fresh -> shipments.startPurchase(p.id(), fresh)).orElse(null))).toList();
    return new LabelRequest(shipment.id(), shipment.orderId(), "ostore-shipment-" + shipment.id(), task.attempts() > 1,
        shipment.address().postal(), shipment.recipient(), shipment.serviceType(), preferences.labelFormat(), parcels);
  }

  /** A failed attempt; {@code blockedBy} names the outside cause (a carrier outage) or is null. */
  private void retry(Claim claim, String error, Optional<Duration> carrierWait, String blockedBy) {
    Task task = claim.task();
    Duration backoff = settings.backoff().delayAfter(task.attempts());
    Duration wait = carrierWait.filter(w -> w.compareTo(backoff) > 0).orElse(backoff);
    Instant now = clock.instant();
    if (tasks.retryLater(claim, now.plus(wait), error, blockedBy, now)) {
      LOG.warn("label work for shipment {} failed (attempt {}), retrying in {}: {}", task.subjectId(), task.attempts(),
          wait, error);
    } else {
      LOG.warn("label work for shipment {} failed (attempt {}) after its lease was lost: {}", task.subjectId(),
          task.attempts(), error);
    }
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.ProcessLabelTasksUseCase;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
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
 * carrier's refusal fails the shipment with the carrier's reason and pages on-call. The claimed task
 * is the record that a purchase may be under way: a task claimed again after its worker died asks the
 * carrier adapter to reconcile ({@link LabelRequest#resumingInterruptedAttempt()}).
 *
 * <p>Every claim of a batch is renewed while the batch runs; right before buying, the worker confirms
 * its claim still holds (and extends it), and the purchase is recorded only in a transaction fenced by
 * the claim. A worker that lost its claim anyway (a pause longer than the lease) records nothing and
 * voids what it bought, except a label that is the package's live one.
 */
public final class LabelTaskService implements ProcessLabelTasksUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(LabelTaskService.class);

  private final ShipmentRepository shipments;
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
      if (!leases.confirm(held)) {
        LOG.warn("label work for shipment {}: the lease was lost before buying; another worker has it now",
            shipment.id());
        return;
      }
      LabelPurchase purchase = gateway.purchaseLabels(requestFor(shipment, claim.task()));
      try {
        recorder.recordPurchase(claim, shipment, purchase);
      } catch (LostLeaseException e) {
        unrecorded.afterLeaseLost(shipment, gateway, purchase);
      } catch (StaleShipmentException e) {
        changedMeanwhile(claim, shipment, purchase, e);
      }
    } catch (CarrierRejectedException e) {
      refused(claim, shipment, e);
    } catch (CarrierUnavailableException e) {
      retry(claim, e.getMessage(), e.retryAfter(), OnCallPager.carrierUnavailable(e.carrier()));
    } catch (StaleShipmentException | LostLeaseException e) {
      retry(claim, e.getMessage(), Optional.empty(), null);
    } catch (RuntimeException e) {
      LOG.error("label work for shipment {} failed unexpectedly; it will be retried", shipment.id(), e);
      retry(claim, e.toString(), Optional.empty(), null);
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

  private LabelRequest requestFor(Shipment shipment, Task task) {
    List<ParcelSpec> parcels =
        shipment.parcels().stream().map(p -> new ParcelSpec(p.id(), p.weight(), p.dimensions())).toList();
    return new LabelRequest(shipment.id(), shipment.orderId(), "ostore-shipment-" + shipment.id(), task.attempts() > 1,
        shipment.address().postal(), shipment.serviceType(), preferences.labelFormat(), parcels);
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

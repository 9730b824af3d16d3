package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.ProcessLabelTasksUseCase;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
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
 */
public final class LabelTaskService implements ProcessLabelTasksUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(LabelTaskService.class);

  private final ShipmentRepository shipments;
  private final TaskQueue tasks;
  private final CarrierGateways carriers;
  private final LabelRecorder recorder;
  private final ShippingPreferences preferences;
  private final WorkSettings settings;
  private final String workerId;
  private final Clock clock;
  private final LeasedWork leased;

  public LabelTaskService(
      StoragePorts storage, CarrierGateways carriers, OnCallAlerter alerter, ShippingPreferences preferences,
      WorkSettings settings, String workerId, Clock clock) {
    this.shipments = storage.shipments();
    this.tasks = storage.tasks();
    this.carriers = carriers;
    this.recorder = new LabelRecorder(storage, alerter,
        new TrackingSchedule(settings.trackingInterval(), settings.trackingSpread()), clock);
    this.preferences = preferences;
    this.settings = settings;
    this.workerId = workerId;
    this.clock = clock;
    this.leased = new LeasedWork(tasks, workerId, settings.lease(), clock);
  }

  @Override
  public int processDueLabelTasks() {
    List<Task> claimed =
        tasks.claim(Set.of(TaskKind.CREATE_LABELS), settings.claimBatchSize(), workerId, clock.instant(), settings.lease());
    for (Task task : claimed) {
      leased.started(task);
      // Every log line about this work, down to the carrier adapter's, names the shipment.
      try (MDC.MDCCloseable shipment = MDC.putCloseable("shipmentId", Long.toString(task.subjectId()))) {
        handle(task);
      } finally {
        leased.finished(task);
      }
    }
    return claimed.size();
  }

  @Override
  public void renewLeases() {
    leased.renewAll();
  }

  private void handle(Task task) {
    Optional<Shipment> found = shipments.findById(ShipmentId.of(task.subjectId()));
    if (found.isEmpty() || found.get().status() != ShipmentStatus.PENDING) {
      recorder.acknowledge(task, workerId);
      return;
    }
    Shipment shipment = found.get();
    try {
      LabelPurchase purchase = carriers.forCarrier(shipment.carrier()).purchaseLabels(requestFor(shipment, task));
      try {
        recorder.recordPurchase(task, workerId, shipment, purchase);
      } catch (StaleShipmentException e) {
        changedMeanwhile(task, shipment, purchase, e);
      }
    } catch (CarrierRejectedException e) {
      recorder.recordRefusal(task, workerId, shipment, e);
    } catch (CarrierUnavailableException e) {
      retry(task, e.getMessage(), e.retryAfter(), OnCallPager.carrierUnavailable(e.carrier()));
    } catch (StaleShipmentException | LabelRecorder.LostLeaseException e) {
      retry(task, e.getMessage(), Optional.empty(), null);
    } catch (RuntimeException e) {
      LOG.error("label work for shipment {} failed unexpectedly; it will be retried", shipment.id(), e);
      retry(task, e.toString(), Optional.empty(), null);
    }
  }

  /** The shipment changed while its labels were bought: if it was cancelled, the labels go back. */
  private void changedMeanwhile(Task task, Shipment before, LabelPurchase purchase, StaleShipmentException stale) {
    Optional<Shipment> now = shipments.findById(before.id());
    if (now.isEmpty() || now.get().status() != ShipmentStatus.CANCELLED) {
      retry(task, stale.getMessage(), Optional.empty(), null);
      return;
    }
    CarrierGateway gateway = carriers.forCarrier(before.carrier());
    for (PurchasedLabel label : purchase.labels()) {
      try {
        gateway.cancel(label.trackingNumber());
      } catch (CarrierException e) {
        LOG.error("shipment {} was cancelled while its labels were bought; voiding {} failed, void it by hand: {}",
            before.id(), label.trackingNumber(), e.getMessage());
      }
    }
    recorder.acknowledge(task, workerId);
  }

  private LabelRequest requestFor(Shipment shipment, Task task) {
    List<ParcelSpec> parcels =
        shipment.parcels().stream().map(p -> new ParcelSpec(p.id(), p.weight(), p.dimensions())).toList();
    return new LabelRequest(shipment.id(), shipment.orderId(), "ostore-shipment-" + shipment.id(), task.attempts() > 1,
        shipment.address().postal(), shipment.serviceType(), preferences.labelFormat(), parcels);
  }

  /** A failed attempt; {@code blockedBy} names the outside cause (a carrier outage) or is null. */
  private void retry(Task task, String error, Optional<Duration> carrierWait, String blockedBy) {
    tasks.noteBlockedBy(task.id(), blockedBy);
    Duration backoff = settings.backoff().delayAfter(task.attempts());
    Duration wait = carrierWait.filter(w -> w.compareTo(backoff) > 0).orElse(backoff);
    Instant now = clock.instant();
    LOG.warn("label work for shipment {} failed (attempt {}), retrying in {}: {}", task.subjectId(), task.attempts(),
        wait, error);
    tasks.retryLater(task.id(), workerId, now.plus(wait), error, now);
  }
}

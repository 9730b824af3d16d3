package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcome of label work in one transaction each: the shipment's new state, its labels,
 * the events for the rest of the store, the order's tracking work and the task's acknowledgement.
 * Each transaction first makes sure the worker's claim still holds (and keeps it from being claimed
 * again until the transaction ends) and ends with the fenced acknowledgement: a worker that lost its
 * claim records nothing ({@link LostLeaseException}).
 */
final class LabelRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(LabelRecorder.class);

  private final StoragePorts storage;
  private final OnCallPager pager;
  private final TrackingSchedule schedule;
  private final Clock clock;

  LabelRecorder(StoragePorts storage, OnCallAlerter alerter, TrackingSchedule schedule, Clock clock) {
    this.storage = storage;
    this.pager = new OnCallPager(storage.alerts(), alerter, clock);
    this.schedule = schedule;
    this.clock = clock;
  }

  void recordPurchase(Claim claim, Shipment shipment, LabelPurchase purchase) {
    Task task = claim.task();
    Instant now = clock.instant();
    Map<ParcelId, TrackingNumber> numbers = new HashMap<>();
    purchase.labels().forEach(label -> numbers.put(label.parcelId(), label.trackingNumber()));
    List<String> resolved = storage.transactions().inTransaction(() -> {
      requireHeld(claim);
      storage.outbox().lockOrderEvents(shipment.orderId());
      Shipment saved = storage.shipments().update(shipment.labelsBought(purchase.serviceType(), numbers, now));
      for (PurchasedLabel label : purchase.labels()) {
        storage.shipments().saveLabel(label.parcelId(), label.label(), label.masterTrackingNumber());
        label.purchaseKeyIfAny().ifPresent(key -> storage.shipments().replacePurchaseKey(label.parcelId(), key));
      }
      storage.events().addNew(labelCreatedEvents(saved, now));
      storage.outbox().append(ShipmentEvents.labelsCreated(saved, now));
      OrderId order = saved.orderId();
      storage.tasks().enqueue(TaskKind.TRACK_ORDER, order.value(), schedule.nextRun(order, now), now);
      if (!storage.tasks().complete(claim, now)) {
        throw new LostLeaseException(task);
      }
      return resolveAlerts(causesEndedBySale(task, shipment));
    });
    LOG.info("shipment {} got {} label(s) from {} ({})", shipment.id(), numbers.size(), shipment.carrier().wireName(),
        purchase.serviceType());
    resolved.forEach(pager::announceResolved);
  }

  void recordRefusal(Claim claim, Shipment shipment, CarrierRejectedException refusal) {
    Task task = claim.task();
    Instant now = clock.instant();
    String reason = refusal.getMessage();
    List<String> resolved = storage.transactions().inTransaction(() -> {
      requireHeld(claim);
      storage.outbox().lockOrderEvents(shipment.orderId());
      Shipment failed = storage.shipments().update(shipment.failed(reason, now));
      storage.outbox().append(List.of(ShipmentEvents.shipmentChanged(failed, "failed", reason, now)));
      if (!storage.tasks().abandon(claim, reason, now)) {
        throw new LostLeaseException(task);
      }
      // A refusal is an answer: the carrier is up.
      return resolveAlerts(OnCallPager.carrierUnavailable(shipment.carrier()));
    });
    resolved.forEach(pager::announceResolved);
    // The shipment's own data was refused: the caller fixes it from the failed event, so on-call is not paged.
    LOG.warn("shipment {} failed: {} refused it: {}", shipment.id(), shipment.carrier().wireName(), reason);
  }

  /**
   * Our account, payment or credentials were refused: not the shipment's fault, so it stays pending and
   * on-call is paged once for the cause (the alert is keyed by it, however many shipments it stops).
   */
  void pageAccountTrouble(Shipment shipment, CarrierAccountException trouble) {
    Instant now = clock.instant();
    String carrier = shipment.carrier().wireName();
    LOG.error("{} refused our account for shipment {} ({}); it stays pending: {}", carrier, shipment.id(),
        trouble.causeKey(), trouble.getMessage());
    pager.raise(new OnCallAlert(trouble.causeKey(), carrier + " refused our account (" + trouble.causeKey()
        + "); label work waits until it is fixed: " + trouble.getMessage(), OnCallAlert.Severity.CRITICAL, now,
        Map.of("carrier", carrier, "cause", trouble.causeKey(), "firstShipmentID", shipment.id().toString(),
            "carrierTransactionId", trouble.transactionId().orElse(""))));
  }

  /** A carrier that sold labels answers again: its account causes are over. */
  private String[] causesEndedBySale(Task task, Shipment shipment) {
    List<String> causes = new ArrayList<>(List.of(task.alertKey(), OnCallPager.carrierUnavailable(shipment.carrier())));
    causes.addAll(storage.alerts().openCausesStartingWith(accountCausePrefix(shipment.carrier())));
    return causes.toArray(String[]::new);
  }

  /** Carrier adapters name account causes "<carrier>:<kind>...", e.g. usps:payment:100007. */
  static String accountCausePrefix(CarrierCode carrier) {
    return carrier.wireName() + ":";
  }

  void acknowledge(Claim claim) {
    Task task = claim.task();
    List<String> resolved = storage.transactions().inTransaction(() ->
        storage.tasks().complete(claim, clock.instant()) ? resolveAlerts(task.alertKey()) : List.of());
    resolved.forEach(pager::announceResolved);
  }

  private void requireHeld(Claim claim) {
    if (!storage.tasks().isHeld(claim)) {
      throw new LostLeaseException(claim.task());
    }
  }

  /** Resolves these causes' open alerts inside the finishing transaction; returns those that were open. */
  private List<String> resolveAlerts(String... causes) {
    return Stream.of(causes).filter(pager::resolve).toList();
  }

  private static List<TrackingEvent> labelCreatedEvents(Shipment shipment, Instant now) {
    return shipment.parcels().stream()
        .map(p -> TrackingEvent.observed(p.id(), TrackingEventType.LABEL_CREATED, now.atOffset(ZoneOffset.UTC), null,
            ShipmentEvents.LABEL_CODE, ShipmentEvents.labelDescription(shipment, p),
            Map.of("trackingNumber", p.trackingNumber().value())))
        .toList();
  }
}

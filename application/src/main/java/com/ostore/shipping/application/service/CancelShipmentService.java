package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CancelShipmentUseCase;
import com.ostore.shipping.application.port.in.ShipmentNotCancellableException;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.LabelReference;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Cancels a shipment before it leaves. Bought labels are voided with the carrier first, so a carrier
 * that cannot answer leaves the shipment as it was (the caller may try again); then the shipment, its
 * packages and a {@code cancelled} event are written in one transaction. Label work still running for
 * the shipment notices the change and voids what it bought (see {@link LabelTaskService}).
 */
public final class CancelShipmentService implements CancelShipmentUseCase {
  private final StoragePorts storage;
  private final CarrierGateways carriers;
  private final Clock clock;

  public CancelShipmentService(StoragePorts storage, CarrierGateways carriers, Clock clock) {
    this.storage = storage;
    this.carriers = carriers;
    this.clock = clock;
  }

  @Override
  public Shipment cancelShipment(ShipmentId id) {
    Shipment shipment = storage.shipments().findById(id)
        .orElseThrow(() -> new ShipmentNotFoundException("Shipment not found"));
    if (shipment.status() == ShipmentStatus.CANCELLED) {
      return shipment;
    }
    if (!shipment.status().canBecome(ShipmentStatus.CANCELLED)) {
      throw new ShipmentNotCancellableException(
          "a shipment that is " + shipment.status().wireName() + " can no longer be cancelled");
    }
    CarrierGateway gateway = carriers.forCarrier(shipment.carrier());
    // Each label with the master it was sold under, so a multi-package FedEx shipment is voided once.
    List<LabelReference> labelled = storage.shipments().labelReferences(shipment);
    if (!labelled.isEmpty()) {
      gateway.cancelShipment(labelled);
    }
    Instant now = clock.instant();
    return storage.transactions().inTransaction(() -> {
      storage.outbox().lockOrderEvents(shipment.orderId());
      Shipment cancelled = storage.shipments().update(shipment.cancelled(now));
      storage.outbox().append(List.of(ShipmentEvents.shipmentChanged(cancelled, "cancelled", null, now)));
      return cancelled;
    });
  }
}

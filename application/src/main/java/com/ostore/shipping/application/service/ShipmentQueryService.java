package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import java.util.List;

/** Answers the read side of the API: shipments, an order's shipments, package histories and labels. */
public final class ShipmentQueryService
    implements GetShipmentUseCase, ListOrderShipmentsUseCase, GetTrackingHistoryUseCase, GetLabelUseCase {
  private final ShipmentRepository shipments;
  private final TrackingEventRepository events;

  public ShipmentQueryService(ShipmentRepository shipments, TrackingEventRepository events) {
    this.shipments = shipments;
    this.events = events;
  }

  @Override
  public Shipment getShipment(ShipmentId id) {
    return shipments.findById(id).orElseThrow(() -> new ShipmentNotFoundException("Shipment not found"));
  }

  @Override
  public List<Shipment> shipmentsOfOrder(OrderId orderId) {
    return shipments.findByOrderId(orderId);
  }

  @Override
  public List<TrackingEvent> trackingHistory(ParcelId parcelId) {
    if (shipments.findByParcelId(parcelId).isEmpty()) {
      throw new ShipmentNotFoundException("Package not found");
    }
    return events.findByParcel(parcelId);
  }

  @Override
  public Label label(ParcelId parcelId) {
    return shipments.findLabel(parcelId).orElseThrow(() -> new ShipmentNotFoundException("Label not found"));
  }
}

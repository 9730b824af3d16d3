package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import com.ostore.shipping.application.port.in.Page;
import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.application.port.in.RefreshStoredAnswersUseCase;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.TrackingEventRepository.Position;
import java.util.List;
import java.util.Optional;

/**
 * Answers the read side of the API: shipments, an order's shipments, package histories and labels; and keeps
 * the answers stored with shipments up to date.
 */
public final class ShipmentQueryService implements GetShipmentUseCase, ListOrderShipmentsUseCase,
    GetTrackingHistoryUseCase, GetLabelUseCase, RefreshStoredAnswersUseCase {
  /** Shipments per step of the stored answers' walk, each step one transaction. */
  static final int STORED_ANSWERS_STEP = 500;

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
  public byte[] getShipment(ShipmentId id, ShipmentRenderer renderer) {
    return shipments.findRendered(id, renderer)
        .orElseThrow(() -> new ShipmentNotFoundException("Shipment not found"));
  }

  @Override
  public int refreshStoredAnswers() {
    return shipments.refreshStoredAnswers(STORED_ANSWERS_STEP);
  }

  /** Reads one item more than asked: its presence is what says there is a next page. */
  @Override
  public Page<Shipment> shipmentsOfOrder(OrderId orderId, PageRequest page) {
    Optional<ShipmentId> after = Cursors.shipmentsAfter(orderId.value(), page.cursor());
    List<Shipment> found = shipments.findByOrderId(orderId, after, page.limit() + 1);
    if (found.size() <= page.limit()) {
      return new Page<>(found, Optional.empty());
    }
    List<Shipment> items = found.subList(0, page.limit());
    return new Page<>(items, Optional.of(Cursors.ofShipments(orderId.value(), items.get(items.size() - 1).id())));
  }

  @Override
  public Page<TrackingEvent> trackingHistory(ParcelId parcelId, PageRequest page) {
    Optional<Position> after = Cursors.eventsAfter(parcelId.value(), page.cursor());
    if (shipments.findByParcelId(parcelId).isEmpty()) {
      throw new ShipmentNotFoundException("Package not found");
    }
    List<TrackingEvent> found = events.findByParcel(parcelId, after, page.limit() + 1);
    if (found.size() <= page.limit()) {
      return new Page<>(found, Optional.empty());
    }
    List<TrackingEvent> items = found.subList(0, page.limit());
    TrackingEvent last = items.get(items.size() - 1);
    return new Page<>(items, Optional.of(Cursors.ofEvents(parcelId.value(),
        new Position(last.occurredAt().toInstant(), last.id()))));
  }

  @Override
  public Label label(ParcelId parcelId) {
    return shipments.findLabel(parcelId).orElseThrow(() -> new ShipmentNotFoundException("Label not found"));
  }
}

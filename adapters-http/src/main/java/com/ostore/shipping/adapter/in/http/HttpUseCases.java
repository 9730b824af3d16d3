package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.CancelShipmentUseCase;
import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import java.util.Objects;

/** The use cases the HTTP API drives, one per route group. */
public record HttpUseCases(
    CreateShipmentUseCase createShipment,
    CancelShipmentUseCase cancelShipment,
    GetShipmentUseCase getShipment,
    ListOrderShipmentsUseCase listOrderShipments,
    GetTrackingHistoryUseCase trackingHistory,
    GetLabelUseCase label,
    CheckHealthUseCase health,
    IdempotentCreateShipmentUseCase idempotentCreateShipment) {

  public HttpUseCases {
    Objects.requireNonNull(createShipment, "createShipment");
    Objects.requireNonNull(cancelShipment, "cancelShipment");
    Objects.requireNonNull(getShipment, "getShipment");
    Objects.requireNonNull(listOrderShipments, "listOrderShipments");
    Objects.requireNonNull(trackingHistory, "trackingHistory");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(idempotentCreateShipment, "idempotentCreateShipment");
  }
}

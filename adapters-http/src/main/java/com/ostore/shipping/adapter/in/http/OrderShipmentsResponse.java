package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import java.util.List;

/** An order's shipments, oldest first. */
record OrderShipmentsResponse(
    @JsonProperty("orderID") long orderId, @JsonProperty("shipments") List<ShipmentResponse> shipments) {

  static OrderShipmentsResponse from(OrderId orderId, List<Shipment> shipments) {
    return new OrderShipmentsResponse(orderId.value(), shipments.stream().map(ShipmentResponse::from).toList());
  }
}

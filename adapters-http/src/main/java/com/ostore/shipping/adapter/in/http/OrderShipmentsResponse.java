package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.application.port.in.Page;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import java.util.List;

/** A page of an order's shipments, oldest first; {@code nextCursor} is null on the last page. */
record OrderShipmentsResponse(
    @JsonProperty("orderID") long orderId,
    @JsonProperty("shipments") List<ShipmentResponse> shipments,
    @JsonProperty("nextCursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

  static OrderShipmentsResponse from(OrderId orderId, Page<Shipment> page) {
    return new OrderShipmentsResponse(orderId.value(), page.items().stream().map(ShipmentResponse::from).toList(),
        page.nextCursor().orElse(null));
  }
}

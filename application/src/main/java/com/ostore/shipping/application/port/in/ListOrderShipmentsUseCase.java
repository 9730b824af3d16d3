package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;

/** Lists an order's shipments, oldest first, a page at a time (empty when the order has none). */
public interface ListOrderShipmentsUseCase {
  /** @throws com.ostore.shipping.domain.model.ValidationException for a cursor this list did not issue */
  Page<Shipment> shipmentsOfOrder(OrderId orderId, PageRequest page);
}

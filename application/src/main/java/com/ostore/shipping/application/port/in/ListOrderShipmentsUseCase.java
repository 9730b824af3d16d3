package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import java.util.List;

/** Lists an order's shipments, oldest first (empty when the order has none). */
public interface ListOrderShipmentsUseCase {
  List<Shipment> shipmentsOfOrder(OrderId orderId);
}

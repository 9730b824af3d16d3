package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import com.ostore.shipping.domain.model.OrderId;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /orders/{orderID}/shipments?limit=&cursor=}: an empty list, not a 404, for an order without
 * shipments.
 */
final class ListOrderShipmentsHandler implements Handler {
  private final ListOrderShipmentsUseCase useCase;

  ListOrderShipmentsHandler(ListOrderShipmentsUseCase useCase) {
    this.useCase = useCase;
  }

  @Override
  public void handle(Context ctx) {
    OrderId orderId = PathIds.orderId(ctx);
    ctx.json(OrderShipmentsResponse.from(orderId, useCase.shipmentsOfOrder(orderId, PageParameters.of(ctx))));
  }
}

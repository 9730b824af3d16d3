package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /shipments/{shipmentID}}. */
final class GetShipmentHandler implements Handler {
  private final GetShipmentUseCase useCase;

  GetShipmentHandler(GetShipmentUseCase useCase) {
    this.useCase = useCase;
  }

  @Override
  public void handle(Context ctx) {
    ctx.json(ShipmentResponse.from(useCase.getShipment(PathIds.shipmentId(ctx))));
  }
}

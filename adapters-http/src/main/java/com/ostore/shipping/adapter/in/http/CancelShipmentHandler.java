package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.CancelShipmentUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code POST /shipments/{shipmentID}/cancel}. */
final class CancelShipmentHandler implements Handler {
  private final CancelShipmentUseCase useCase;

  CancelShipmentHandler(CancelShipmentUseCase useCase) {
    this.useCase = useCase;
  }

  @Override
  public void handle(Context ctx) {
    ctx.json(ShipmentResponse.from(useCase.cancelShipment(PathIds.shipmentId(ctx))));
  }
}

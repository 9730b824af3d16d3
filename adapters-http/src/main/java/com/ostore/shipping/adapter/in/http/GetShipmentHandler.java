package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /shipments/{shipmentID}}. */
final class GetShipmentHandler implements Handler {
  private final GetShipmentUseCase useCase;
  private final CanonicalJson json;

  GetShipmentHandler(GetShipmentUseCase useCase, CanonicalJson json) {
    this.useCase = useCase;
    this.json = json;
  }

  @Override
  public void handle(Context ctx) {
    json.answer(ctx, ShipmentResponse.from(useCase.getShipment(PathIds.shipmentId(ctx))));
  }
}

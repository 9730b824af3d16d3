package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /shipments/{shipmentID}}: the shipment's answer, as stored with it when storage keeps one. */
final class GetShipmentHandler implements Handler {
  private final GetShipmentUseCase useCase;
  private final ApiShipmentRenderer renderer;

  GetShipmentHandler(GetShipmentUseCase useCase, ApiShipmentRenderer renderer) {
    this.useCase = useCase;
    this.renderer = renderer;
  }

  @Override
  public void handle(Context ctx) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(useCase.getShipment(PathIds.shipmentId(ctx), renderer));
  }
}

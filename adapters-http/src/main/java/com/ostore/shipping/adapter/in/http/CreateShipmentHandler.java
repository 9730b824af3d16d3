package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.domain.model.Shipment;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/** {@code POST /shipments}: validates the whole body before the use case sees any of it. */
final class CreateShipmentHandler implements Handler {
  private final CreateShipmentUseCase useCase;
  private final JsonBody body;

  CreateShipmentHandler(CreateShipmentUseCase useCase, JsonBody body) {
    this.useCase = useCase;
    this.body = body;
  }

  @Override
  public void handle(Context ctx) {
    CreateShipmentCommand command = CreateShipmentRequestParser.parse(body.readObject(ctx));
    RequestIds.about("orderId", command.orderId().value());
    Shipment shipment = useCase.createShipment(command);
    RequestIds.about("shipmentId", shipment.id().value());
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/shipments/" + shipment.id().value())
        .json(ShipmentResponse.from(shipment));
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.domain.model.Shipment;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /shipments}: validates the whole body before the use case sees any of it. With an
 * {@code Idempotency-Key} header the caller's retries get the first answer (status, body, Location)
 * instead of a second shipment.
 */
final class CreateShipmentHandler implements Handler {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final CreateShipmentUseCase useCase;
  private final IdempotentCreateShipmentUseCase idempotentUseCase;
  private final JsonBody body;
  private final CanonicalJson json;

  CreateShipmentHandler(CreateShipmentUseCase useCase, IdempotentCreateShipmentUseCase idempotentUseCase,
      JsonBody body, CanonicalJson json) {
    this.useCase = useCase;
    this.idempotentUseCase = idempotentUseCase;
    this.body = body;
    this.json = json;
  }

  @Override
  public void handle(Context ctx) {
    ObjectNode request = body.readObject(ctx);
    CreateShipmentCommand command = CreateShipmentRequestParser.parse(request);
    RequestIds.about("orderId", command.orderId().value());
    String key = ctx.header(IDEMPOTENCY_KEY);
    if (key == null) {
      Shipment shipment = useCase.createShipment(command);
      RequestIds.about("shipmentId", shipment.id().value());
      ctx.status(HttpStatus.CREATED).header("Location", location(shipment));
      json.answer(ctx, ShipmentResponse.from(shipment));
      return;
    }
    IdempotentRequest keyed = new IdempotentRequest(ApiSecurity.caller(ctx).id(), key, json.fingerprint(request));
    CreatedShipment created = idempotentUseCase.createShipment(command, keyed,
        shipment -> json.write(ShipmentResponse.from(shipment)));
    RequestIds.about("shipmentId", created.shipmentId().value());
    ctx.status(HttpStatus.CREATED).header("Location", "/shipments/" + created.shipmentId().value())
        .contentType(ContentType.APPLICATION_JSON).result(created.response());
    if (created.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
  }

  private static String location(Shipment shipment) {
    return "/shipments/" + shipment.id().value();
  }
}

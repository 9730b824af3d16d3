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
import java.nio.charset.StandardCharsets;

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
  private final ApiShipmentRenderer renderer;

  CreateShipmentHandler(CreateShipmentUseCase useCase, IdempotentCreateShipmentUseCase idempotentUseCase,
      JsonBody body, CanonicalJson json, ApiShipmentRenderer renderer) {
    this.useCase = useCase;
    this.idempotentUseCase = idempotentUseCase;
    this.body = body;
    this.json = json;
    this.renderer = renderer;
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
      // The answer a later GET gives, as it was stored with the shipment.
      ctx.status(HttpStatus.CREATED).header("Location", location(shipment))
          .contentType(ContentType.APPLICATION_JSON).result(renderer.render(shipment));
      return;
    }
    IdempotentRequest keyed = new IdempotentRequest(ApiSecurity.caller(ctx).id(), key, json.fingerprint(request));
    CreatedShipment created = idempotentUseCase.createShipment(command, keyed,
        shipment -> new String(renderer.render(shipment), StandardCharsets.UTF_8));
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

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ValidationException;
import java.util.Set;

/**
 * Maps the create-shipment body (the seed's {@code orderID}, {@code shippingAddress},
 * {@code shipmentStatus} plus our optional {@code recipient}, {@code carrier}, {@code serviceType},
 * {@code packages})
 * to a command, or refuses it with the first problem found.
 */
final class CreateShipmentRequestParser {
  private static final Set<String> FIELDS =
      Set.of("orderID", "shippingAddress", "shipmentStatus", "recipient", "carrier", "serviceType", "packages");

  private CreateShipmentRequestParser() {}

  static CreateShipmentCommand parse(ObjectNode body) {
    JsonFields.allowOnly(body, "", FIELDS);
    OrderId orderId = orderId(body.get("orderID"));
    var address = AddressParser.parse(body.get("shippingAddress"));
    requirePending(body.get("shipmentStatus"));
    var recipient = RecipientParser.parse(body.get("recipient"));
    CarrierCode carrier = carrier(body.get("carrier"));
    String serviceType = JsonFields.optionalText(body.get("serviceType"), "serviceType", 60);
    var parcels = ParcelRequestParser.parse(body.get("packages"));
    return new CreateShipmentCommand(orderId, address, recipient, carrier, serviceType, parcels);
  }

  /** Only a JSON integer counts: "123", 12.5 and true are refused rather than coerced. */
  private static OrderId orderId(JsonNode node) {
    if (JsonFields.absent(node)) {
      throw new ValidationException("orderID is required");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
      throw new ValidationException("orderID must be a positive integer");
    }
    return OrderId.of(node.longValue());
  }

  /** The seed lets the caller send an initial status; the only one a new shipment can have is pending. */
  private static void requirePending(JsonNode node) {
    String name = JsonFields.optionalText(node, "shipmentStatus", 40);
    if (name != null && ShipmentStatus.fromWireName(name) != ShipmentStatus.PENDING) {
      throw new ValidationException("a new shipment must start as pending");
    }
  }

  private static CarrierCode carrier(JsonNode node) {
    if (JsonFields.absent(node)) {
      return null;
    }
    if (!node.isTextual() || node.textValue().length() > 20) {
      return CarrierCode.fromWireName("");
    }
    return CarrierCode.fromWireName(node.textValue());
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a {@link ShipmentResponse} field by field, in the order and with the omissions (null fields left
 * out) of Jackson's bean serializer for the records; {@code ShipmentJsonTest} holds the two to the same
 * bytes. The bean serializer reads each record component reflectively, and on a read that was the
 * largest part of writing the answer.
 */
final class ShipmentJson {
  private ShipmentJson() {}

  static void write(JsonGenerator out, ShipmentResponse shipment) throws IOException {
    out.writeStartObject();
    out.writeNumberField("shipmentID", shipment.shipmentId());
    out.writeNumberField("orderID", shipment.orderId());
    text(out, "shippingAddress", shipment.shippingAddress());
    text(out, "shipmentStatus", shipment.shipmentStatus());
    RecipientResponse recipient = shipment.recipient();
    if (recipient != null) {
      out.writeObjectFieldStart("recipient");
      text(out, "name", recipient.name());
      text(out, "company", recipient.company());
      text(out, "phone", recipient.phone());
      text(out, "email", recipient.email());
      out.writeEndObject();
    }
    text(out, "carrier", shipment.carrier());
    text(out, "serviceType", shipment.serviceType());
    text(out, "failureReason", shipment.failureReason());
    text(out, "createdAt", shipment.createdAt());
    text(out, "updatedAt", shipment.updatedAt());
    if (shipment.packages() != null) {
      out.writeArrayFieldStart("packages");
      for (PackageResponse parcel : shipment.packages()) {
        out.writeStartObject();
        out.writeNumberField("packageID", parcel.packageId());
        text(out, "packageStatus", parcel.packageStatus());
        text(out, "trackingNumber", parcel.trackingNumber());
        if (parcel.packageWeight() != null) {
          out.writeNumberField("packageWeight", parcel.packageWeight());
        }
        text(out, "weightUnit", parcel.weightUnit());
        text(out, "packageDimensions", parcel.packageDimensions());
        text(out, "labelUrl", parcel.labelUrl());
        text(out, "eventsUrl", parcel.eventsUrl());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void text(JsonGenerator out, String name, String value) throws IOException {
    if (value != null) {
      out.writeStringField(name, value);
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Writes a {@link ShipmentResponse} field by field, in the order and with the omissions (null fields left
 * out) of Jackson's bean serializer for the records; {@code ShipmentJsonTest} holds the two to the same
 * bytes. The bean serializer reads each record component reflectively, and on a read that was the
 * largest part of writing the answer.
 */
final class ShipmentJson {
  // Field names encoded once, not on every answer.
  private static final SerializedString CARRIER = new SerializedString("carrier");
  private static final SerializedString COMPANY = new SerializedString("company");
  private static final SerializedString CREATED_AT = new SerializedString("createdAt");
  private static final SerializedString EMAIL = new SerializedString("email");
  private static final SerializedString EVENTS_URL = new SerializedString("eventsUrl");
  private static final SerializedString FAILURE_REASON = new SerializedString("failureReason");
  private static final SerializedString LABEL_URL = new SerializedString("labelUrl");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString ORDER_ID = new SerializedString("orderID");
  private static final SerializedString PACKAGES = new SerializedString("packages");
  private static final SerializedString PACKAGE_DIMENSIONS = new SerializedString("packageDimensions");
  private static final SerializedString PACKAGE_ID = new SerializedString("packageID");
  private static final SerializedString PACKAGE_STATUS = new SerializedString("packageStatus");
  private static final SerializedString PACKAGE_WEIGHT = new SerializedString("packageWeight");
  private static final SerializedString PHONE = new SerializedString("phone");
  private static final SerializedString RECIPIENT = new SerializedString("recipient");
  private static final SerializedString SERVICE_TYPE = new SerializedString("serviceType");
  private static final SerializedString SHIPMENT_ID = new SerializedString("shipmentID");
  private static final SerializedString SHIPMENT_STATUS = new SerializedString("shipmentStatus");
  private static final SerializedString SHIPPING_ADDRESS = new SerializedString("shippingAddress");
  private static final SerializedString TRACKING_NUMBER = new SerializedString("trackingNumber");
  private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");
  private static final SerializedString WEIGHT_UNIT = new SerializedString("weightUnit");

  private ShipmentJson() {}

  static void write(JsonGenerator out, ShipmentResponse shipment) throws IOException {
    out.writeStartObject();
    out.writeFieldName(SHIPMENT_ID);
    out.writeNumber(shipment.shipmentId());
    out.writeFieldName(ORDER_ID);
    out.writeNumber(shipment.orderId());
    text(out, SHIPPING_ADDRESS, shipment.shippingAddress());
    text(out, SHIPMENT_STATUS, shipment.shipmentStatus());
    RecipientResponse recipient = shipment.recipient();
    if (recipient != null) {
      out.writeFieldName(RECIPIENT);
      out.writeStartObject();
      text(out, NAME, recipient.name());
      text(out, COMPANY, recipient.company());
      text(out, PHONE, recipient.phone());
      text(out, EMAIL, recipient.email());
      out.writeEndObject();
    }
    text(out, CARRIER, shipment.carrier());
    text(out, SERVICE_TYPE, shipment.serviceType());
    text(out, FAILURE_REASON, shipment.failureReason());
    text(out, CREATED_AT, shipment.createdAt());
    text(out, UPDATED_AT, shipment.updatedAt());
    if (shipment.packages() != null) {
      out.writeFieldName(PACKAGES);
      out.writeStartArray();
      for (PackageResponse parcel : shipment.packages()) {
        out.writeStartObject();
        out.writeFieldName(PACKAGE_ID);
        out.writeNumber(parcel.packageId());
        text(out, PACKAGE_STATUS, parcel.packageStatus());
        text(out, TRACKING_NUMBER, parcel.trackingNumber());
        if (parcel.packageWeight() != null) {
          out.writeFieldName(PACKAGE_WEIGHT);
          out.writeNumber(parcel.packageWeight());
        }
        text(out, WEIGHT_UNIT, parcel.weightUnit());
        text(out, PACKAGE_DIMENSIONS, parcel.packageDimensions());
        text(out, LABEL_URL, parcel.labelUrl());
        text(out, EVENTS_URL, parcel.eventsUrl());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void text(JsonGenerator out, SerializedString name, String value) throws IOException {
    if (value != null) {
      out.writeFieldName(name);
      out.writeString(value);
    }
  }
}

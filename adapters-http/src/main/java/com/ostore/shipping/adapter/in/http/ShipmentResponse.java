package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.Shipment;
import java.util.List;

/** A shipment as the API shows it: the seed's four fields first, then carrier details and packages. */
record ShipmentResponse(
    @JsonProperty("shipmentID") long shipmentId,
    @JsonProperty("orderID") long orderId,
    @JsonProperty("shippingAddress") String shippingAddress,
    @JsonProperty("shipmentStatus") String shipmentStatus,
    @JsonProperty("recipient") RecipientResponse recipient,
    @JsonProperty("carrier") String carrier,
    @JsonProperty("serviceType") String serviceType,
    @JsonProperty("failureReason") String failureReason,
    @JsonProperty("createdAt") String createdAt,
    @JsonProperty("updatedAt") String updatedAt,
    @JsonProperty("packages") List<PackageResponse> packages) {

  static ShipmentResponse from(Shipment shipment) {
    String createdAt = IsoInstants.format(shipment.createdAt());
    // A new shipment was last updated when it was made: one text for both.
    String updatedAt = shipment.updatedAt().equals(shipment.createdAt()) ? createdAt
        : IsoInstants.format(shipment.updatedAt());
    return new ShipmentResponse(
        shipment.id().value(),
        shipment.orderId().value(),
        shipment.address().text(),
        shipment.status().wireName(),
        RecipientResponse.from(shipment.recipient()),
        shipment.carrier().wireName(),
        shipment.serviceType(),
        shipment.failureReasonIfFailed().orElse(null),
        createdAt,
        updatedAt,
        shipment.parcels().stream().map(PackageResponse::from).toList());
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.math.BigDecimal;

/** One package of a shipment, with links to its label (once bought) and its tracking events. */
record PackageResponse(
    @JsonProperty("packageID") long packageId,
    @JsonProperty("packageStatus") String packageStatus,
    @JsonProperty("trackingNumber") String trackingNumber,
    @JsonProperty("packageWeight") BigDecimal packageWeight,
    @JsonProperty("weightUnit") String weightUnit,
    @JsonProperty("packageDimensions") String packageDimensions,
    @JsonProperty("labelUrl") String labelUrl,
    @JsonProperty("eventsUrl") String eventsUrl) {

  static PackageResponse from(Parcel parcel) {
    String base = "/packages/" + parcel.id().value();
    String trackingNumber = parcel.trackingNumberIfAssigned().map(TrackingNumber::value).orElse(null);
    return new PackageResponse(
        parcel.id().value(),
        parcel.status().wireName(),
        trackingNumber,
        parcel.weight().value(),
        parcel.weight().unit().wireName(),
        parcel.dimensionsIfKnown().map(Dimensions::toText).orElse(null),
        trackingNumber == null ? null : base + "/label",
        base + "/events");
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.LabelFormat;
import java.util.Map;
import java.util.Objects;

/**
 * What a create request leaves open: the carrier to use, each carrier's default service, the package
 * assumed when the request names none, and the label format.
 */
public record ShippingPreferences(
    CarrierCode defaultCarrier, Map<CarrierCode, String> defaultServiceTypes, ParcelRequest defaultParcel,
    LabelFormat labelFormat) {

  public ShippingPreferences {
    Objects.requireNonNull(defaultCarrier, "defaultCarrier");
    Objects.requireNonNull(defaultParcel, "defaultParcel");
    Objects.requireNonNull(labelFormat, "labelFormat");
    defaultServiceTypes = Map.copyOf(defaultServiceTypes);
  }

  /** The service to request from {@code carrier} when the caller named none (null: the carrier's own default). */
  public String serviceTypeFor(CarrierCode carrier) {
    return defaultServiceTypes.get(carrier);
  }
}

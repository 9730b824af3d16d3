package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The configured carrier gateways, one per carrier. */
public final class CarrierGateways {
  private final Map<CarrierCode, CarrierGateway> byCarrier = new EnumMap<>(CarrierCode.class);

  public CarrierGateways(List<CarrierGateway> gateways) {
    for (CarrierGateway gateway : gateways) {
      if (byCarrier.put(gateway.carrier(), gateway) != null) {
        throw new IllegalArgumentException("two gateways for " + gateway.carrier().wireName());
      }
    }
  }

  public CarrierGateway forCarrier(CarrierCode code) {
    CarrierGateway gateway = byCarrier.get(code);
    if (gateway == null) {
      throw new IllegalStateException("no gateway configured for carrier " + code.wireName());
    }
    return gateway;
  }

  public boolean supports(CarrierCode code) {
    return byCarrier.containsKey(code);
  }
}

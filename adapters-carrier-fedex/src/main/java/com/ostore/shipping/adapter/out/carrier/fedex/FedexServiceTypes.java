package com.ostore.shipping.adapter.out.carrier.fedex;

import java.util.Set;

/**
 * The FedEx {@code serviceType} values this adapter sells: the parcel services of FedEx's Ship API
 * reference ("Service Types"), freight excluded because the adapter books no freight.
 */
final class FedexServiceTypes {
  static final Set<String> ALL = Set.of(
      "FEDEX_GROUND", "GROUND_HOME_DELIVERY", "PRIORITY_OVERNIGHT", "STANDARD_OVERNIGHT", "FIRST_OVERNIGHT",
      "FEDEX_2_DAY", "FEDEX_2_DAY_AM", "FEDEX_EXPRESS_SAVER", "SMART_POST", "FEDEX_INTERNATIONAL_PRIORITY",
      "FEDEX_INTERNATIONAL_PRIORITY_EXPRESS", "INTERNATIONAL_ECONOMY");

  private FedexServiceTypes() {}
}

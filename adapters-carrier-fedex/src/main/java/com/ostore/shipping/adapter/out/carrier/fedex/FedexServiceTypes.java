package com.ostore.shipping.adapter.out.carrier.fedex;

import java.util.Set;

/**
 * The FedEx service types this adapter buys: the US domestic ones of FedEx's API reference guide
 * ("Service Types"). The published Ship schema has no enum for {@code serviceType} (carrier-contracts
 * README), so the list is ours; international services need a customs block this adapter does not send.
 */
final class FedexServiceTypes {
  static final Set<String> ALL = Set.of("FEDEX_GROUND", "GROUND_HOME_DELIVERY", "PRIORITY_OVERNIGHT",
      "STANDARD_OVERNIGHT", "FIRST_OVERNIGHT", "FEDEX_2_DAY", "FEDEX_2_DAY_AM", "FEDEX_EXPRESS_SAVER", "SMART_POST");

  private FedexServiceTypes() {}
}

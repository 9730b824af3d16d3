package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Set;

/** The USPS Labels API {@code mailClass} values this adapter can buy a domestic label for. */
final class UspsMailClasses {
  static final Set<String> ALL = Set.of(
      "USPS_GROUND_ADVANTAGE", "PRIORITY_MAIL", "PRIORITY_MAIL_EXPRESS", "PARCEL_SELECT", "PARCEL_SELECT_LIGHTWEIGHT",
      "USPS_CONNECT_LOCAL", "USPS_CONNECT_REGIONAL", "USPS_CONNECT_MAIL", "FIRST-CLASS_PACKAGE_SERVICE",
      "LIBRARY_MAIL", "MEDIA_MAIL", "BOUND_PRINTED_MATTER");

  private UspsMailClasses() {}
}

package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Set;

/**
 * The mail classes a domestic label may be bought with: the {@code mailClass} enum of
 * {@code DomesticPackageDescription} in USPS's published Labels 3.9.13 document (a test compares the two).
 */
final class UspsMailClasses {
  static final Set<String> ALL = Set.of("PARCEL_SELECT", "PARCEL_SELECT_LIGHTWEIGHT", "USPS_CONNECT_LOCAL",
      "USPS_CONNECT_REGIONAL", "USPS_CONNECT_MAIL", "USPS_GROUND_ADVANTAGE", "PRIORITY_MAIL_EXPRESS", "PRIORITY_MAIL",
      "FIRST-CLASS_PACKAGE_SERVICE", "LIBRARY_MAIL", "MEDIA_MAIL", "BOUND_PRINTED_MATTER");

  private UspsMailClasses() {}
}

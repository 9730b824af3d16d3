package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone covering most of each US state, for scan times USPS sends without an offset. States
 * split between zones get the zone of most of their population; good to the hour, never better.
 */
final class UsStateZones {
  private static final Map<String, ZoneId> ZONES = new HashMap<>();

  static {
    zone("America/New_York", "CT", "DE", "DC", "FL", "GA", "IN", "ME", "MD", "MA", "MI", "NH", "NJ", "NY", "NC",
        "OH", "PA", "RI", "SC", "VT", "VA", "WV", "KY");
    zone("America/Chicago", "AL", "AR", "IL", "IA", "KS", "LA", "MN", "MS", "MO", "NE", "ND", "OK", "SD", "TN", "TX",
        "WI");
    zone("America/Denver", "CO", "ID", "MT", "NM", "UT", "WY");
    zone("America/Phoenix", "AZ");
    zone("America/Los_Angeles", "CA", "NV", "OR", "WA");
    zone("America/Anchorage", "AK");
    zone("Pacific/Honolulu", "HI");
    zone("America/Puerto_Rico", "PR", "VI");
    zone("Pacific/Guam", "GU", "MP");
    zone("Pacific/Pago_Pago", "AS");
  }

  private UsStateZones() {}

  private static void zone(String zone, String... states) {
    for (String state : states) {
      ZONES.put(state, ZoneId.of(zone));
    }
  }

  static ZoneId zoneOf(String state) {
    return state == null ? null : ZONES.get(state.strip().toUpperCase(Locale.ROOT));
  }
}

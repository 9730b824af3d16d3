package com.ostore.shipping.adapter.out.carrier.fedex;

import static com.ostore.shipping.domain.model.TrackingEventType.AVAILABLE_FOR_PICKUP;
import static com.ostore.shipping.domain.model.TrackingEventType.CANCELLED;
import static com.ostore.shipping.domain.model.TrackingEventType.DELIVERED;
import static com.ostore.shipping.domain.model.TrackingEventType.EXCEPTION;
import static com.ostore.shipping.domain.model.TrackingEventType.IN_TRANSIT;
import static com.ostore.shipping.domain.model.TrackingEventType.LABEL_CREATED;
import static com.ostore.shipping.domain.model.TrackingEventType.OUT_FOR_DELIVERY;
import static com.ostore.shipping.domain.model.TrackingEventType.PICKED_UP;
import static com.ostore.shipping.domain.model.TrackingEventType.RETURNED;
import static com.ostore.shipping.domain.model.TrackingEventType.UNKNOWN;

import com.ostore.shipping.domain.model.TrackingEventType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FedEx scan/status codes ({@code eventType}, {@code latestStatusDetail.code}) to our event types, from
 * FedEx's Tracking Status Codes table and its webhook event list. {@code derivedCode} is never used: it
 * is too coarse (OD's derivedCode is IT). Customer-option, return-link and split codes move no status
 * and stay {@link TrackingEventType#UNKNOWN}, as does any code FedEx does not publish.
 *
 * <p>OX (handed to USPS for the last mile) is a movement: the package is in transit. The delay codes DD
 * (delivery delay), PD (pickup delay) and DY (delay) are exceptions, all three alike: a delay means the
 * package will not arrive when promised, which is what a caller watching exceptions needs to know, and
 * FedEx itself files DD under "Exceptions"; in_transit would claim movement that PD (before pickup)
 * has not had. The next movement scan puts the package back in transit. {@link #isDelay} marks them
 * so the scan's details tell a delay from damage or a hold.
 */
final class FedexEventCodes {
  private static final Logger LOG = LoggerFactory.getLogger(FedexEventCodes.class);
  private static final Map<String, TrackingEventType> TYPES = new HashMap<>();
  private static final Set<String> REPORTED_UNKNOWN = ConcurrentHashMap.newKeySet();
  private static final Set<String> DELAYS = Set.of("DD", "PD", "DY");

  static {
    put(LABEL_CREATED, "OC", "MD", "EP");
    put(PICKED_UP, "PU", "PX", "AP", "OF", "DO", "IP");
    // AO/AE/US are arrival-estimate notices: they say the package is moving.
    put(IN_TRANSIT, "IT", "IX", "AA", "AC", "AF", "AR", "AX", "DP", "EA", "EO", "FD", "LO", "OW", "PF", "PL",
        "PM", "SF", "TR", "CC", "CP", "AO", "AE", "US", "OX");
    put(OUT_FOR_DELIVERY, "OD", "AD", "ED");
    put(AVAILABLE_FOR_PICKUP, "HL", "HP");
    put(DELIVERED, "DL");
    put(EXCEPTION, "DE", "SE", "CD", "HA", "RT");
    put(EXCEPTION, DELAYS.toArray(String[]::new));
    put(RETURNED, "RS");
    put(CANCELLED, "CA");
  }

  private FedexEventCodes() {}

  static TrackingEventType typeOf(String code, String description) {
    String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    TrackingEventType type = TYPES.get(key);
    if (type != null) {
      return type;
    }
    if (REPORTED_UNKNOWN.add(key)) {
      LOG.info("FedEx scan code '{}' ({}) is not mapped; recorded as unknown", key, description);
    }
    return UNKNOWN;
  }

  /** DD, PD and DY: the package is late, not lost or damaged. */
  static boolean isDelay(String code) {
    return code != null && DELAYS.contains(code.strip().toUpperCase(Locale.ROOT));
  }

  private static void put(TrackingEventType type, String... codes) {
    for (String code : codes) {
      TYPES.put(code, type);
    }
  }
}

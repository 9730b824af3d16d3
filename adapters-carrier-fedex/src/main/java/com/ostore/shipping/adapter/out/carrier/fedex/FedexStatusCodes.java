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
 * FedEx scan/status codes ({@code eventType}, {@code latestStatusDetail.code}) to our event types, after
 * carrier-apis.md 1.3 and FedEx's Tracking Status Codes table. {@code derivedCode} is never used: it is
 * too coarse (OD's derivedCode is IT). Customer-option, return-link and split codes move no status and
 * stay {@link TrackingEventType#UNKNOWN}.
 */
final class FedexStatusCodes {
  private static final Logger LOG = LoggerFactory.getLogger(FedexStatusCodes.class);
  private static final Map<String, TrackingEventType> TYPES = new HashMap<>();
  private static final Set<String> REPORTED_UNKNOWN = ConcurrentHashMap.newKeySet();

  static {
    put(LABEL_CREATED, "OC", "MD", "EP", "OX");
    put(PICKED_UP, "PU", "PX", "AP", "OF", "DO", "IP");
    // AO/AE are arrival-estimate notices and DY "delivery updated": they say the package is moving.
    put(IN_TRANSIT, "IT", "IX", "AA", "AC", "AF", "AR", "AX", "DP", "EA", "EO", "FD", "LO", "OW", "PF", "PL",
        "PM", "SF", "TR", "CC", "CP", "AO", "AE", "DY", "US");
    put(OUT_FOR_DELIVERY, "OD", "AD", "ED");
    put(AVAILABLE_FOR_PICKUP, "HL", "HP");
    put(DELIVERED, "DL");
    put(EXCEPTION, "DE", "SE", "DD", "CD", "PD", "HA", "RT");
    put(RETURNED, "RS");
    put(CANCELLED, "CA");
  }

  private FedexStatusCodes() {}

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

  private static void put(TrackingEventType type, String... codes) {
    for (String code : codes) {
      TYPES.put(code, type);
    }
  }
}

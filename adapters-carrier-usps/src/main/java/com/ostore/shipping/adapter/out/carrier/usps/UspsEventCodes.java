package com.ostore.shipping.adapter.out.carrier.usps;

import static com.ostore.shipping.domain.model.TrackingEventType.AVAILABLE_FOR_PICKUP;
import static com.ostore.shipping.domain.model.TrackingEventType.DELIVERED;
import static com.ostore.shipping.domain.model.TrackingEventType.DELIVERY_ATTEMPTED;
import static com.ostore.shipping.domain.model.TrackingEventType.EXCEPTION;
import static com.ostore.shipping.domain.model.TrackingEventType.IN_TRANSIT;
import static com.ostore.shipping.domain.model.TrackingEventType.LABEL_CREATED;
import static com.ostore.shipping.domain.model.TrackingEventType.OUT_FOR_DELIVERY;
import static com.ostore.shipping.domain.model.TrackingEventType.PICKED_UP;
import static com.ostore.shipping.domain.model.TrackingEventType.RETURNED;

import com.ostore.shipping.domain.model.TrackingEventType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Normalizes USPS scan event codes (Publication 199 Appendix G-4, plus GX/A1/T1/TL seen in real data)
 * to {@link TrackingEventType}. The code decides, never statusCategory or the free text, which USPS
 * rewords at will. Codes only third parties vouch for stay UNKNOWN until confirmed.
 */
final class UspsEventCodes {
  private static final Logger LOG = LoggerFactory.getLogger(UspsEventCodes.class);
  private static final Map<String, TrackingEventType> TYPES = new HashMap<>();

  static {
    put(LABEL_CREATED, "MA", "GX");
    put(PICKED_UP, "03", "TM", "PA");
    put(IN_TRANSIT, "07", "10", "PC", "EF", "SF", "A1", "T1", "TL", "06", "08", "15", "19", "41", "42", "80", "81",
        "82", "71");
    put(OUT_FOR_DELIVERY, "OF");
    put(AVAILABLE_FOR_PICKUP, "14", "16");
    put(DELIVERY_ATTEMPTED, "02", "52", "53", "54", "55", "56", "30", "51");
    put(DELIVERED, "01", "17", "43");
    // 04 refused and 05 undeliverable go back to the sender like the 2x "return to sender" reasons.
    put(RETURNED, "04", "05", "09", "21", "22", "23", "24", "25", "26", "27", "28", "29", "31", "44");
    put(EXCEPTION, "11", "DX");
  }

  private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

  private static void put(TrackingEventType type, String... codes) {
    for (String code : codes) {
      TYPES.put(code, type);
    }
  }

  TrackingEventType typeOf(String eventCode, String description) {
    String code = eventCode == null ? "" : eventCode.strip().toUpperCase(Locale.ROOT);
    TrackingEventType type = TYPES.get(code);
    if (type != null) {
      return type;
    }
    if (reportedUnknown.add(code)) {
      LOG.warn("USPS scan event code '{}' ({}) is not mapped; recorded as UNKNOWN", code, description);
    }
    return TrackingEventType.UNKNOWN;
  }
}

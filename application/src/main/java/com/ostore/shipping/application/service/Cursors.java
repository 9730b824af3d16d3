package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingEventId;
import com.ostore.shipping.domain.model.ValidationException;
import com.ostore.shipping.domain.port.out.TrackingEventRepository.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque list cursors: base64url of where the last page ended, tied to the list it came from so a
 * cursor of one order's list cannot be replayed against another's. Callers treat them as black boxes;
 * anything that does not decode to what this class wrote is refused.
 */
final class Cursors {
  private static final int MAX_LENGTH = 200;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
  private static final Pattern SHIPMENTS = Pattern.compile("s1:([0-9]{1,18}):([0-9]{1,18})");
  private static final Pattern EVENTS = Pattern.compile("e1:([0-9]{1,18}):(-?[0-9]{1,12})\\.([0-9]{1,9}):([0-9]{1,18})");

  private Cursors() {}

  static String ofShipments(long orderId, ShipmentId last) {
    return encode("s1:" + orderId + ":" + last.value());
  }

  static Optional<ShipmentId> shipmentsAfter(long orderId, Optional<String> cursor) {
    return cursor.map(text -> {
      Matcher m = match(SHIPMENTS, text);
      if (Long.parseLong(m.group(1)) != orderId) {
        throw invalid();
      }
      return ShipmentId.of(positive(m.group(2)));
    });
  }

  static String ofEvents(long parcelId, Position last) {
    return encode("e1:" + parcelId + ":" + last.occurredAt().getEpochSecond() + "." + last.occurredAt().getNano()
        + ":" + last.id().value());
  }

  static Optional<Position> eventsAfter(long parcelId, Optional<String> cursor) {
    return cursor.map(text -> {
      Matcher m = match(EVENTS, text);
      if (Long.parseLong(m.group(1)) != parcelId) {
        throw invalid();
      }
      try {
        Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        return new Position(at, TrackingEventId.of(positive(m.group(4))));
      } catch (java.time.DateTimeException e) {
        throw invalid();
      }
    });
  }

  private static Matcher match(Pattern pattern, String cursor) {
    if (!SAFE.matcher(cursor).matches()) {
      throw invalid();
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    Matcher m = pattern.matcher(decoded);
    if (!m.matches()) {
      throw invalid();
    }
    return m;
  }

  private static long positive(String digits) {
    long value = Long.parseLong(digits);
    if (value < 1) {
      throw invalid();
    }
    return value;
  }

  private static String encode(String position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
  }

  private static ValidationException invalid() {
    return new ValidationException("cursor is not one this list issued; start again without it");
  }
}

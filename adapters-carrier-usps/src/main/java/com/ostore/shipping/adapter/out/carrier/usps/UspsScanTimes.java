package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a USPS scan's time fields into an OffsetDateTime that keeps the local offset of the scan.
 * <ol>
 *   <li>{@code GMTTimestamp} is the instant; {@code GMTOffset} (e.g. "-05:00" or "-7:00") is shown as the
 *   offset. Without GMTOffset the zone comes from the scan's state.</li>
 *   <li>Without GMTTimestamp, {@code eventTimestamp} is USPS's local time. An offset written on it is kept,
 *   except "Z": USPS's own example labels the local time of a Virginia scan "Z", so a Z is not trusted.
 *   The local time is then placed in GMTOffset, else in the zone of the scan's US state, else in the
 *   configured zone, and the scan is marked as having an inferred offset.</li>
 * </ol>
 */
final class UspsScanTimes {
  /** The time and whether its offset was guessed rather than sent by USPS. */
  record ScanTime(OffsetDateTime at, boolean offsetInferred) {}

  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?");
  private final ZoneId fallbackZone;

  UspsScanTimes(ZoneId fallbackZone) {
    this.fallbackZone = fallbackZone;
  }

  ScanTime parse(String gmtTimestamp, String gmtOffset, String eventTimestamp, String state) {
    ZoneOffset offset = offset(gmtOffset);
    if (!blank(gmtTimestamp)) {
      Instant instant = gmt(gmtTimestamp.strip().replace(' ', 'T'));
      if (offset != null) {
        return new ScanTime(instant.atOffset(offset), false);
      }
      return new ScanTime(instant.atZone(zoneOf(state)).toOffsetDateTime(), true);
    }
    if (blank(eventTimestamp)) {
      throw new IllegalArgumentException("scan without a timestamp");
    }
    String text = eventTimestamp.strip().replace(' ', 'T');
    if (!text.endsWith("Z") && text.length() > 19 && text.substring(19).matches(".*[+-]\\d{1,2}:?\\d{2}$")) {
      return new ScanTime(OffsetDateTime.parse(text), false);
    }
    LocalDateTime local = local(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
    if (offset != null) {
      return new ScanTime(local.atOffset(offset), false);
    }
    return new ScanTime(local.atZone(zoneOf(state)).toOffsetDateTime(), true);
  }

  private static Instant gmt(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  private static LocalDateTime local(String text) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException notDateTime) {
      return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).atStartOfDay();
    }
  }

  private ZoneId zoneOf(String state) {
    ZoneId zone = UsStateZones.zoneOf(state);
    return zone == null ? fallbackZone : zone;
  }

  static ZoneOffset offset(String text) {
    if (blank(text)) {
      return null;
    }
    Matcher m = OFFSET.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(2)), sign * minutes);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

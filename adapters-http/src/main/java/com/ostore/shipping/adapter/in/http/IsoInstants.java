package com.ostore.shipping.adapter.in.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()} for the years 1000 to 9999, written out: every answer carries two times, and
 * the general formatter it goes through was a visible share of a read's CPU. Other years go to
 * {@code toString} itself, so the text is always the same.
 */
final class IsoInstants {
  private IsoInstants() {}

  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return instant.toString();
    }
    char[] out = new char[30];
    int at = digits(out, 0, t.getYear(), 4);
    out[at++] = '-';
    at = digits(out, at, t.getMonthValue(), 2);
    out[at++] = '-';
    at = digits(out, at, t.getDayOfMonth(), 2);
    out[at++] = 'T';
    at = digits(out, at, t.getHour(), 2);
    out[at++] = ':';
    at = digits(out, at, t.getMinute(), 2);
    out[at++] = ':';
    at = digits(out, at, t.getSecond(), 2);
    int nano = t.getNano();
    // As ISO_INSTANT prints it: no fraction for whole seconds, else 3, 6 or 9 digits.
    if (nano > 0) {
      out[at++] = '.';
      if (nano % 1_000_000 == 0) {
        at = digits(out, at, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        at = digits(out, at, nano / 1_000, 6);
      } else {
        at = digits(out, at, nano, 9);
      }
    }
    out[at++] = 'Z';
    return new String(out, 0, at);
  }

  private static int digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}

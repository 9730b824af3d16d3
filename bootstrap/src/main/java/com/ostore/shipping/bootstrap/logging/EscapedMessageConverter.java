package com.ostore.shipping.bootstrap.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %escapedMsg} for the text format: the message with line breaks and other control characters
 * written as escapes ({@code \n}, {@code \u001b}), so text a carrier sent (a failure reason, a scan
 * location) can neither split one entry into two nor colour a terminal.
 */
public final class EscapedMessageConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return escape(event.getFormattedMessage());
  }

  static String escape(String message) {
    if (message == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      String replacement = switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
            ? String.format("\\u%04x", (int) c) : null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(message.length() + 16).append(message, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? message : out.toString();
  }
}

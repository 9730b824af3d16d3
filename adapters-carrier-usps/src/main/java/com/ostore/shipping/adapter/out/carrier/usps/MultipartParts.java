package com.ostore.shipping.adapter.out.carrier.usps;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a multipart/form-data body into its named parts. Lenient on purpose: recorded USPS responses
 * use CRLF in one sample and bare LF in another, so line ends of either kind are accepted, and the
 * boundary is taken from the first line when the Content-Type header lacks it.
 */
final class MultipartParts {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private MultipartParts() {}

  /** Part name to part body (bytes kept as sent). */
  static Map<String, byte[]> parse(String contentType, byte[] body) {
    // ISO-8859-1 maps every byte to one char, so slicing the string slices the bytes.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String boundary = boundary(contentType, text);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    String delimiter = "--" + boundary;
    int at = text.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (text.startsWith("--", start)) {
        break;
      }
      int next = text.indexOf(delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body ends without a closing boundary");
      }
      addPart(parts, text.substring(start, next));
      at = next;
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("multipart body without parts");
    }
    return parts;
  }

  private static void addPart(Map<String, byte[]> parts, String raw) {
    String part = raw.replaceFirst("^\r?\n", "");
    Matcher blank = Pattern.compile("\r?\n\r?\n").matcher(part);
    if (!blank.find()) {
      return;
    }
    String headers = part.substring(0, blank.start());
    String content = part.substring(blank.end()).replaceFirst("\r?\n$", "");
    Matcher name = NAME.matcher(headers.toLowerCase(Locale.ROOT).contains("content-disposition") ? headers : "");
    if (name.find()) {
      parts.put(name.group(1), content.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static String boundary(String contentType, String text) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (m.find()) {
      return m.group(1).strip();
    }
    if (text.startsWith("--")) {
      int end = text.indexOf('\n');
      if (end > 2) {
        return text.substring(2, end).strip();
      }
    }
    throw new IllegalArgumentException("multipart body without a boundary");
  }
}

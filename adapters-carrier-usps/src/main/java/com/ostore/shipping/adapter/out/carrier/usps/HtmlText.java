package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strips the markup USPS puts in display texts ({@code Ground Advantage<SUP>&#153;</SUP>}). */
final class HtmlText {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(\\d+);");

  private HtmlText() {}

  static String plain(String text) {
    if (text == null) {
      return null;
    }
    String noTags = TAG.matcher(text).replaceAll("");
    Matcher m = NUMERIC.matcher(noTags);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int codePoint = Integer.parseInt(m.group(1));
      // Windows-1252 153 is what USPS means by &#153; (the trademark sign).
      String replacement = codePoint == 153 ? "\u2122" : new String(Character.toChars(codePoint));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().replace("&reg;", "\u00ae").replace("&amp;", "&").strip();
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.ostore.shipping.domain.model.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in the caller's terms why a body is not JSON this API reads: where, and what, without Jackson's
 * class names or an unbounded echo of the caller's bytes.
 */
final class JsonProblems {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private JsonProblems() {}

  static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "Malformed JSON body: " + limitBroken(String.valueOf(e.getOriginalMessage()));
    }
    String original = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.find()) {
      return "Malformed JSON body: duplicate field '" + Text.quoted(duplicate.group(1), 40) + "'";
    }
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    // Jackson's first sentence says what it met; the rest repeats the caller's bytes and its own hints.
    String what = original.split("[\\n(]", 2)[0].strip();
    return "Malformed JSON body" + where + ": " + Text.quoted(what, 100);
  }

  private static String limitBroken(String message) {
    if (message.contains("nesting depth")) {
      return "nested deeper than " + JsonLimits.MAX_DEPTH + " levels";
    }
    if (message.contains("Name length")) {
      return "a field name is longer than " + JsonLimits.MAX_NAME_LENGTH + " characters";
    }
    if (message.contains("Number value length")) {
      return "a number is longer than " + JsonLimits.MAX_NUMBER_LENGTH + " characters";
    }
    if (message.contains("Token count")) {
      return "more than " + JsonLimits.MAX_TOKENS + " values";
    }
    return "it exceeds this API's size limits";
  }
}

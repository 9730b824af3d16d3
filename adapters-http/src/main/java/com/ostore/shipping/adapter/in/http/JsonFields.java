package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.Text;
import com.ostore.shipping.domain.model.ValidationException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/** Strict reading of request JSON: every surprise becomes a 400 that names the field. */
final class JsonFields {
  private JsonFields() {}

  /** The API is strict so that a typo ("shipingAddress") fails loudly instead of being ignored. */
  static void allowOnly(JsonNode object, String path, Set<String> names) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new ValidationException("unknown field '" + Text.quoted(path + name, 80) + "'");
      }
    }
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /**
   * A string of at most {@code maxLength} characters without control characters, or null when the
   * field is absent or null: what is stored, logged or quoted back in an error stays bounded and plain.
   */
  static String optionalText(JsonNode node, String path, int maxLength) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw new ValidationException(path + " must be a string");
    }
    String text = node.textValue();
    if (text.length() > maxLength) {
      throw new ValidationException(path + " must be at most " + maxLength + " characters");
    }
    if (!Text.isPrintable(text)) {
      throw new ValidationException(path + " must not contain control characters");
    }
    return text;
  }

  /** A JSON number (never a string holding one). */
  static BigDecimal requiredNumber(JsonNode node, String path) {
    if (absent(node) || !node.isNumber()) {
      throw new ValidationException(path + " must be a number");
    }
    return node.decimalValue();
  }
}

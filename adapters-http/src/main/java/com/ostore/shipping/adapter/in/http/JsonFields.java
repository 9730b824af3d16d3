package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
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
        throw new ValidationException("unknown field '" + path + name + "'");
      }
    }
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** A string, or null when the field is absent or null. */
  static String optionalText(JsonNode node, String path) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw new ValidationException(path + " must be a string");
    }
    return node.textValue();
  }

  /** A JSON number (never a string holding one). */
  static BigDecimal requiredNumber(JsonNode node, String path) {
    if (absent(node) || !node.isNumber()) {
      throw new ValidationException(path + " must be a number");
    }
    return node.decimalValue();
  }
}

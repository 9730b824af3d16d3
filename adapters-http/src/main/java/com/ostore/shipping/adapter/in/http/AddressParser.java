package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code shippingAddress}: the seed's single line (echoed back exactly) or a structured object.
 * Every problem, including a missing address, is the seed's "Invalid shipping address".
 */
final class AddressParser {
  private static final Set<String> FIELDS = Set.of("streetLines", "city", "stateOrProvince", "postalCode", "country");
  private static final String INVALID = "Invalid shipping address";

  private AddressParser() {}

  static ShippingAddress parse(JsonNode node) {
    if (node != null && node.isTextual()) {
      return ShippingAddress.parse(node.textValue());
    }
    if (node != null && node.isObject()) {
      JsonFields.allowOnly(node, "shippingAddress.", FIELDS);
      return ShippingAddress.of(new PostalAddress(
          streetLines(node.get("streetLines")), part(node, "city"), part(node, "stateOrProvince"),
          part(node, "postalCode"), part(node, "country")));
    }
    throw new ValidationException(INVALID);
  }

  private static List<String> streetLines(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new ValidationException(INVALID);
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode line : node) {
      lines.add(text(line));
    }
    return lines;
  }

  private static String part(JsonNode address, String name) {
    return text(address.get(name));
  }

  /** Null stays null (the domain decides whether the part is required); any other non-string is invalid. */
  private static String text(JsonNode node) {
    if (JsonFields.absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw new ValidationException(INVALID);
    }
    return node.textValue();
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.ValidationException;
import java.util.Set;

/** Reads the optional {@code recipient} object; the domain {@link Recipient} decides what is valid. */
final class RecipientParser {
  private static final Set<String> FIELDS = Set.of("name", "company", "phone", "email");

  private RecipientParser() {}

  static Recipient parse(JsonNode node) {
    if (JsonFields.absent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw new ValidationException("recipient must be an object");
    }
    JsonFields.allowOnly(node, "recipient.", FIELDS);
    // The caps bound what is read before the domain's own rules (the same lengths, digits, email shape) apply.
    return new Recipient(
        JsonFields.optionalText(node.get("name"), "recipient.name", 70),
        JsonFields.optionalText(node.get("company"), "recipient.company", 35),
        JsonFields.optionalText(node.get("phone"), "recipient.phone", 30),
        JsonFields.optionalText(node.get("email"), "recipient.email", 254));
  }
}

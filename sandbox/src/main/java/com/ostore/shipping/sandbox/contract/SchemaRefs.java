package com.ostore.shipping.sandbox.contract;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Follows local {@code $ref}s ({@code #/components/schemas/X}) inside one document. */
final class SchemaRefs {
  private final JsonNode document;

  SchemaRefs(JsonNode document) {
    this.document = document;
  }

  JsonNode resolve(JsonNode schema) {
    Set<String> seen = new HashSet<>();
    JsonNode current = schema;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#") || !seen.add(ref)) {
        return MissingNode.getInstance();
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }
}

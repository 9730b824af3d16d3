package com.ostore.shipping.sandbox.contract;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges an {@code allOf} of object schemas into one object schema: properties and required names are
 * united, and it is closed (additionalProperties false) if any part was. This is how code generators and
 * the carriers' own examples read such compositions.
 */
final class AllOfFlattener {
  private AllOfFlattener() {}

  static ObjectNode flatten(JsonNode schema, SchemaRefs refs) {
    JsonNode resolved = refs.resolve(schema);
    ObjectNode flat = (ObjectNode) (resolved.isObject() ? resolved : schema).deepCopy();
    flat.remove("$ref");
    flat.remove("discriminator");
    JsonNode members = flat.remove("allOf");
    boolean closed = OpenApi30Normalizer.isClosed(flat);
    if (members != null) {
      for (JsonNode member : members) {
        ObjectNode part = flatten(member, refs);
        closed |= OpenApi30Normalizer.isClosed(part);
        mergeInto(flat, part);
      }
    }
    if (closed) {
      flat.put("additionalProperties", false);
    }
    if (flat.has("properties") && !flat.has("type")) {
      flat.put("type", "object");
    }
    return flat;
  }

  private static void mergeInto(ObjectNode target, ObjectNode part) {
    if (part.get("properties") instanceof ObjectNode properties) {
      ObjectNode into = target.has("properties") ? (ObjectNode) target.get("properties") : target.putObject("properties");
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        JsonNode existing = into.get(property.getKey());
        if (existing == null) {
          into.set(property.getKey(), property.getValue());
        } else {
          ObjectNode both = into.putObject(property.getKey());
          both.putArray("allOf").add(existing).add(property.getValue());
        }
      }
    }
    Set<String> required = new LinkedHashSet<>();
    target.path("required").forEach(name -> required.add(name.asString()));
    part.path("required").forEach(name -> required.add(name.asString()));
    if (!required.isEmpty()) {
      ArrayNode names = target.putArray("required");
      required.forEach(names::add);
    }
  }
}

package com.ostore.shipping.sandbox.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the OpenAPI 3.0 constructs a JSON Schema validator reads differently from what the document
 * means, in memory; the vendored files stay as published. Each rule is listed, with the document it is
 * for, in {@code carrier-contracts/README.md} ("How the validator reads the documents").
 */
final class OpenApi30Normalizer {
  private static final Set<String> NOT_SCHEMAS = Set.of("example", "examples", "description", "enum", "default");
  private final SchemaRefs refs;

  private OpenApi30Normalizer(ObjectNode document) {
    this.refs = new SchemaRefs(document);
  }

  static ObjectNode normalize(ObjectNode document) {
    new OpenApi30Normalizer(document).walk(document, false);
    return document;
  }

  private void walk(JsonNode node, boolean propertyMap) {
    if (node instanceof ArrayNode array) {
      array.forEach(item -> walk(item, false));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (propertyMap) {
      object.forEach(property -> walk(property, false));
      return;
    }
    normalizeSchema(object);
    for (Map.Entry<String, JsonNode> child : new ArrayList<>(object.properties())) {
      if ("properties".equals(child.getKey())) {
        walk(child.getValue(), true);
      } else if (!NOT_SCHEMAS.contains(child.getKey())) {
        walk(child.getValue(), false);
      }
    }
  }

  private void normalizeSchema(ObjectNode object) {
    // networknt refuses the readOnly keyword whatever its value; false means nothing, so it goes.
    if (object.path("readOnly").isBoolean() && !object.path("readOnly").booleanValue()) {
      object.remove("readOnly");
    }
    if (object.has("allOf") && closesAllOf(object)) {
      ObjectNode flat = AllOfFlattener.flatten(object, refs);
      object.removeAll();
      object.setAll(flat);
    }
    dropReadOnlyFromRequired(object);
    DiscriminatorRewrite.apply(object);
  }

  /** OpenAPI 3.0: a readOnly property that is required is required in responses only. */
  private void dropReadOnlyFromRequired(ObjectNode object) {
    if (!(object.get("required") instanceof ArrayNode required) || !object.path("properties").isObject()) {
      return;
    }
    Set<String> kept = new LinkedHashSet<>();
    required.forEach(name -> {
      JsonNode property = refs.resolve(object.path("properties").path(name.asString()));
      if (!property.path("readOnly").asBoolean(false)) {
        kept.add(name.asString());
      }
    });
    if (kept.size() != required.size()) {
      ArrayNode replacement = object.putArray("required");
      kept.forEach(replacement::add);
    }
  }

  /** An allOf whose parts forbid additional properties: read literally, no body could match it. */
  private boolean closesAllOf(ObjectNode object) {
    if (isClosed(object)) {
      return true;
    }
    List<JsonNode> members = new ArrayList<>();
    object.get("allOf").forEach(member -> members.add(refs.resolve(member)));
    return members.stream().anyMatch(OpenApi30Normalizer::isClosed);
  }

  static boolean isClosed(JsonNode schema) {
    return schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").booleanValue();
  }
}

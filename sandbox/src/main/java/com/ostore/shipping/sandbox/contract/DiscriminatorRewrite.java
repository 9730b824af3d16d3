package com.ostore.shipping.sandbox.contract;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code oneOf} with a discriminator mapping means "the branch the discriminator value names". The
 * validator ignores discriminators on oneOf, so a body whose {@code grant_type} names one branch could
 * pass as another. Each mapped branch becomes "that branch and the discriminator has its value".
 */
final class DiscriminatorRewrite {
  private DiscriminatorRewrite() {}

  static void apply(ObjectNode schema) {
    JsonNode discriminator = schema.get("discriminator");
    String keyword = schema.has("oneOf") ? "oneOf" : schema.has("anyOf") ? "anyOf" : null;
    if (discriminator == null || keyword == null || !discriminator.path("mapping").isObject()) {
      return;
    }
    Set<String> branchRefs = new HashSet<>();
    schema.get(keyword).forEach(branch -> branchRefs.add(branch.path("$ref").asString()));
    Set<String> mapped = new HashSet<>();
    discriminator.get("mapping").forEach(target -> mapped.add(target.asString()));
    if (!branchRefs.equals(mapped)) {
      return; // an implicit (schema-name) mapping: leave it to the validator rather than guess
    }
    String property = discriminator.path("propertyName").asString();
    ArrayNode branches = schema.putArray(keyword);
    for (Map.Entry<String, JsonNode> mapping : discriminator.get("mapping").properties()) {
      ObjectNode branch = branches.addObject();
      ArrayNode parts = branch.putArray("allOf");
      parts.addObject().put("$ref", mapping.getValue().asString());
      ObjectNode value = parts.addObject();
      value.putArray("required").add(property);
      value.putObject("properties").putObject(property).putArray("enum").add(mapping.getKey());
    }
    schema.remove("discriminator");
  }
}

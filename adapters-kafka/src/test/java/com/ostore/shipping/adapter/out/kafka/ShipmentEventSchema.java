package com.ostore.shipping.adapter.out.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schema of the event value, as consumers would apply it (formats asserted). */
final class ShipmentEventSchema {
  private static final JsonSchema SCHEMA = load();

  private ShipmentEventSchema() {}

  /** The schema's complaints about the value; empty when it conforms. */
  static Set<String> violations(JsonNode value) {
    return SCHEMA.validate(value).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }

  private static JsonSchema load() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = ShipmentEventSchema.class.getResourceAsStream("/schemas/shipment-event-v1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.out.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schema of the event value, as consumers would apply it (formats asserted). */
final class ShipmentEventSchema {
  private static final Schema SCHEMA = load();

  private ShipmentEventSchema() {}

  /** The schema's complaints about the value; empty when it conforms. */
  static Set<String> violations(JsonNode value) {
    // The validator reads JSON text itself, so the value crosses as the bytes a consumer would see.
    return SCHEMA.validate(value.toString(), InputFormat.JSON,
            context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
        .stream().map(Error::getMessage).collect(Collectors.toSet());
  }

  private static Schema load() {
    try (InputStream in = ShipmentEventSchema.class.getResourceAsStream("/schemas/shipment-event-v1.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes responses exactly as the API sends them, and fingerprints request bodies so that a retry is
 * recognised whatever its key order or whitespace (values must be equal, {@code 2.5} is not {@code 2.50}).
 */
final class CanonicalJson {
  // The same digest object for every body a thread fingerprints: getInstance costs more than the hash.
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(CanonicalJson::sha256);

  private final ObjectMapper mapper;
  private final ObjectMapper sorted;

  CanonicalJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.sorted = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  String write(Object value) {
    try {
      return value instanceof ShipmentResponse shipment ? new String(bytes(shipment), StandardCharsets.UTF_8)
          : mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response record could not be written as JSON", e);
    }
  }

  /** {@code shipment} as the API writes it, by {@link ShipmentJson} on the mapper's own generator settings. */
  byte[] bytes(ShipmentResponse shipment) {
    try (ByteArrayBuilder buffer = new ByteArrayBuilder(1024)) {
      try (JsonGenerator out = mapper.createGenerator(buffer)) {
        ShipmentJson.write(out, shipment);
      }
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("a response record could not be written as JSON", e);
    }
  }

  /** SHA-256 of the body with every object's keys sorted. */
  String fingerprint(ObjectNode body) {
    try {
      Object plain = sorted.treeToValue(body, Object.class);
      byte[] canonical = sorted.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(SHA_256.get().digest(canonical));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed request body could not be fingerprinted", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

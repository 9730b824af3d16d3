package com.ostore.shipping.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request samples copied into {@code contract-samples/} (sources in its README) and edits of them. */
public final class ContractSamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractSamples() {}

  public static String sample(String path) {
    try (InputStream in = ContractSamples.class.getResourceAsStream("/contract-samples/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body with the member at that JSON pointer removed. */
  public static String without(String body, String pointer) {
    JsonNode root = read(body);
    ContainerNode<?> parent = parent(root, pointer);
    String last = last(pointer);
    if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    } else {
      requirePresent(((ObjectNode) parent).remove(last), pointer);
    }
    return root.toString();
  }

  /** The body with the member at that JSON pointer set (or, one past an array's end, added) to a value given as JSON text. */
  public static String with(String body, String pointer, String jsonValue) {
    JsonNode root = read(body);
    ContainerNode<?> parent = parent(root, pointer);
    JsonNode value = read(jsonValue);
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last(pointer));
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else {
      ((ObjectNode) parent).set(last(pointer), value);
    }
    return root.toString();
  }

  public static String text(int length) {
    return "\"" + "A".repeat(length) + "\"";
  }

  private static ContainerNode<?> parent(JsonNode root, String pointer) {
    JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    if (!(parent instanceof ContainerNode<?> container)) {
      throw new IllegalArgumentException("no object or array holds " + pointer);
    }
    return container;
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private static void requirePresent(JsonNode removed, String pointer) {
    if (removed == null) {
      throw new IllegalArgumentException("the sample has nothing at " + pointer);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

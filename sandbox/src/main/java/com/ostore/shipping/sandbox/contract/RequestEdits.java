package com.ostore.shipping.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edits of request bodies for the contract tests of both carriers' adapters: every member's pointer, a body
 * without one, a body with one changed. It lives here, beside the contracts, so both adapters share one copy
 * without depending on each other.
 */
public final class RequestEdits {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestEdits() {}

  /** The JSON pointer of every object member and array item in the body, outermost first. */
  public static List<String> pointers(JsonNode body) {
    List<String> pointers = new ArrayList<>();
    collect(body, "", pointers);
    return pointers;
  }

  private static void collect(JsonNode node, String at, List<String> pointers) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String pointer = at + "/" + member.getKey();
        pointers.add(pointer);
        collect(member.getValue(), pointer, pointers);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers.add(at + "/" + i);
        collect(node.get(i), at + "/" + i, pointers);
      }
    }
  }

  public static String without(String body, String pointer) {
    JsonNode root = read(body);
    ContainerNode<?> parent = (ContainerNode<?>) root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) parent).remove(last);
    }
    return root.toString();
  }

  public static String with(String body, String pointer, String jsonValue) {
    JsonNode root = read(body);
    ContainerNode<?> parent = (ContainerNode<?>) root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), read(jsonValue));
    } else {
      ((ObjectNode) parent).set(last, read(jsonValue));
    }
    return root.toString();
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

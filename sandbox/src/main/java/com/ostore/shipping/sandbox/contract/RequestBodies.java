package com.ostore.shipping.sandbox.contract;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** How a request body is validated: OpenAPI request semantics, and what the validator reports. */
final class RequestBodies {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private RequestBodies() {}

  /** Formats (date, date-time, email) are assertions; a readOnly property in a request is refused. */
  static void asRequest(ExecutionContext context) {
    context.executionConfig(config -> config.formatAssertionsEnabled(true).readOnly(true));
  }

  /** The body as a JSON tree, or why it is not one. */
  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new NotJson("request body is required");
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new NotJson("request body is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body, decoded; a repeated field keeps its first value. */
  static Map<String, String> formFields(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.isEmpty()) {
        fields.putIfAbsent(name, value);
      }
    }
    return fields;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** A body that cannot be validated at all. */
  static final class NotJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotJson(String message) {
      super(message, null, false, false);
    }
  }

  static ContractViolation violation(Error error) {
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    return new ContractViolation(location.isEmpty() ? "/" : location, error.getKeyword(), error.getMessage());
  }

  /**
   * A JSON pointer as a URI fragment. The validator unescapes {@code ~1}/{@code ~0} before it
   * percent-decodes, so only what a URI cannot hold (braces of path templates, spaces) is encoded.
   */
  static String fragment(String pointer) {
    return pointer.replace("%", "%25").replace(" ", "%20").replace("{", "%7B").replace("}", "%7D");
  }
}

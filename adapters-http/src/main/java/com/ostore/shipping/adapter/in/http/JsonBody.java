package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Reads a request body as a JSON object: right media type, bounded size, well-formed. */
final class JsonBody {
  private final ObjectMapper mapper;
  private final long maxBytes;

  JsonBody(ObjectMapper mapper, long maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  ObjectNode readObject(Context ctx) {
    requireJsonContentType(ctx.header("Content-Type"));
    byte[] bytes = readBounded(ctx);
    JsonNode node;
    // One pass: the tree is built from a parser that checks every number as it reads it.
    try (JsonParser parser = JsonLimits.checked(mapper.createParser(bytes))) {
      node = parser.nextToken() == null ? null : mapper.readValue(parser, JsonNode.class);
    } catch (JacksonException e) {
      throw new HttpProblem(400, JsonProblems.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw new HttpProblem(400, "Request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** JSON is UTF-8 (RFC 8259), so a charset parameter is allowed only when it says so. */
  static void requireJsonContentType(String header) {
    if ("application/json".equalsIgnoreCase(header) || "application/json; charset=utf-8".equalsIgnoreCase(header)) {
      return; // what nearly every caller sends: no need to split it
    }
    String[] parts = header == null ? new String[] {""} : header.split(";");
    boolean json = parts[0].strip().equalsIgnoreCase("application/json");
    for (int i = 1; i < parts.length && json; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      json = parameter.equals("charset=utf-8");
    }
    if (!json) {
      throw new HttpProblem(415, "Content-Type must be application/json");
    }
  }

  /** Checks the declared length first, then counts, because a chunked body declares none. */
  private byte[] readBounded(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared >= 0) {
        // Jetty ends the stream at the declared length (and fails a shorter body): one array of that size.
        byte[] bytes = new byte[(int) declared];
        if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
          throw new HttpProblem(400, "Could not read the request body");
        }
        return bytes;
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new HttpProblem(400, "Could not read the request body");
    }
  }

  private HttpProblem tooLarge() {
    return new HttpProblem(413, "Request body is larger than " + maxBytes + " bytes");
  }
}

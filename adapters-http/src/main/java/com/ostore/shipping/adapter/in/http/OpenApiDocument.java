package com.ostore.shipping.adapter.in.http;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the hand-written OpenAPI 3.1 description shipped in this module's
 * resources. {@code OpenApiDocumentTest} keeps it honest: it validates against the OpenAPI schema and
 * matches the router's routes and the statuses the tests reach, both ways.
 */
final class OpenApiDocument {
  static final String RESOURCE = "/openapi.json";

  private OpenApiDocument() {}

  static Handler handler() {
    byte[] document = load();
    return ctx -> ctx.contentType("application/json").result(document);
  }

  static byte[] load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the adapters-http jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import io.javalin.http.Context;
import java.util.Set;

/** The route templates this API serves, for naming a request in logs and metrics without its ids. */
final class Routes {
  static final String UNMATCHED = "unmatched";
  static final Set<String> TEMPLATES = Set.of("/shipments", "/shipments/{shipmentID}", "/shipments/{shipmentID}/cancel",
      "/orders/{orderID}/shipments", "/packages/{packageID}/events", "/packages/{packageID}/label", "/health/live",
      "/health/ready", "/openapi.json");

  private Routes() {}

  /** The template the request matched, or {@link #UNMATCHED}; never the caller's raw path. */
  static String matched(Context ctx) {
    try {
      String path = ctx.endpoint().path;
      return TEMPLATES.contains(path) ? path : UNMATCHED;
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
  }
}

package com.ostore.shipping.adapter.in.http;

import java.time.Duration;

/**
 * Told about every finished request, for example to count it; the HTTP adapter itself knows no metrics
 * library. {@code route} is the matched route template ({@code /shipments/{shipmentID}}), or
 * {@code "unmatched"} for a path no route serves, so its values stay few whatever callers send.
 */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = (method, route, status, elapsed) -> {};

  void finished(String method, String route, int status, Duration elapsed);
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded FedEx payloads in this module's test resources ({@code carrier-samples/fedex}, see its README). */
final class CarrierSamples {
  private CarrierSamples() {}

  static String fedex(String relativePath) {
    String resource = "/carrier-samples/fedex/" + relativePath;
    try (InputStream in = CarrierSamples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

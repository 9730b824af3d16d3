package com.ostore.shipping.adapter.out.carrier.fedex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the recorded carrier payloads in {@code shared/carrier-samples}, found beside an ancestor of the working dir. */
final class CarrierSamples {
  private CarrierSamples() {}

  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("carrier-samples");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/carrier-samples beside any parent of " + Path.of("").toAbsolutePath());
  }

  static String fedex(String relativePath) {
    try {
      return Files.readString(root().resolve("fedex").resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

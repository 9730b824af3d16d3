package com.ostore.shipping.application.port.in;

import java.util.List;
import java.util.Optional;

/** One page of a list, and the cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
    nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }
}

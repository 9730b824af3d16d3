package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.ValidationException;
import java.util.Optional;

/**
 * Which page of a list to read: at most {@code limit} items, starting after the opaque {@code cursor}
 * a previous page returned (none: from the start).
 */
public record PageRequest(int limit, Optional<String> cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit must be an integer from 1 to " + MAX_LIMIT);
    }
    cursor = cursor == null ? Optional.empty() : cursor;
  }

  public static PageRequest first() {
    return new PageRequest(DEFAULT_LIMIT, Optional.empty());
  }
}

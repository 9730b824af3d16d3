package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.domain.model.ValidationException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code ?limit=&cursor=} of a list route into a page request, or a 400 naming the parameter. */
final class PageParameters {
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
  private static final int MAX_CURSOR_LENGTH = 200;

  private PageParameters() {}

  static PageRequest of(Context ctx) {
    String limit = single(ctx, "limit");
    String cursor = single(ctx, "cursor");
    int size = PageRequest.DEFAULT_LIMIT;
    if (limit != null) {
      if (!LIMIT.matcher(limit).matches()) {
        throw new ValidationException("limit must be an integer from 1 to " + PageRequest.MAX_LIMIT);
      }
      size = Integer.parseInt(limit);
    }
    if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH)) {
      throw new ValidationException("cursor is not one this list issued; start again without it");
    }
    return new PageRequest(size, Optional.ofNullable(cursor));
  }

  private static String single(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw new ValidationException(name + " may be given only once");
    }
    return values.isEmpty() ? null : values.get(0);
  }
}

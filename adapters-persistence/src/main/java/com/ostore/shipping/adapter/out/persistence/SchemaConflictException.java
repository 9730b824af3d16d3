package com.ostore.shipping.adapter.out.persistence;

/**
 * The schema the service was given is not free for it: it holds another application's tables or
 * migration history, or this service's own tables sit in another schema from an earlier release.
 */
public final class SchemaConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  SchemaConflictException(String message) {
    super(message);
  }
}

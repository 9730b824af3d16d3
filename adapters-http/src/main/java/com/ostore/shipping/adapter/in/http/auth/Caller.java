package com.ostore.shipping.adapter.in.http.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as proven by its credential: a stable id (rate limits and idempotency keys are
 * kept per id) and the scopes granted. The id names the credential, never its secret.
 */
public record Caller(String id, Set<Scope> scopes) {
  public Caller {
    Objects.requireNonNull(id, "id");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** The caller when authentication is switched off: may do anything. */
  static Caller anonymous() {
    return new Caller("anonymous", EnumSet.allOf(Scope.class));
  }

  public boolean mayUse(Scope scope) {
    return scopes.contains(scope);
  }
}

package com.ostore.shipping.adapter.in.http.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a credential may do. Each route requires exactly one scope; the README lists which. Labels have
 * a scope of their own because a label shows the customer's name and address.
 */
public enum Scope implements RouteRole {
  SHIPMENTS_READ("shipments:read"),
  SHIPMENTS_WRITE("shipments:write"),
  SHIPMENTS_CANCEL("shipments:cancel"),
  LABELS_READ("labels:read");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWireName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wanted)).findFirst();
  }
}

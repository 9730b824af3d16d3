package com.ostore.shipping.adapter.in.http.auth;

import io.javalin.security.RouteRole;

/**
 * The role of the routes anyone may call (the health probes, which orchestrators call without
 * credentials). A route that declares neither this nor a {@link Scope} is refused to everyone.
 */
public enum Access implements RouteRole {
  PUBLIC
}

package com.ostore.shipping.adapter.in.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes a JWT grants: RFC 8693/9068's {@code scope} (a space-separated string), or {@code scp}
 * (a string or a list, as some issuers write it). Scopes this service does not know are ignored.
 */
final class TokenScopes {
  private TokenScopes() {}

  static Set<Scope> of(JWTClaimsSet claims) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    names(claims.getClaim("scope")).forEach(name -> Scope.fromWireName(name).ifPresent(scopes::add));
    names(claims.getClaim("scp")).forEach(name -> Scope.fromWireName(name).ifPresent(scopes::add));
    return scopes;
  }

  private static List<String> names(Object claim) {
    if (claim instanceof String text) {
      return Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).toList();
    }
    if (claim instanceof Collection<?> list) {
      return list.stream().map(item -> Optional.ofNullable(item).map(Object::toString).orElse("")).toList();
    }
    return List.of();
  }
}

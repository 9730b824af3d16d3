package com.ostore.shipping.adapter.in.http.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the API authenticates and throttles callers: configured API keys and/or JWTs from one issuer,
 * or nothing at all when {@code disabled} (only ever set on purpose); and the per-credential limits
 * on creating and cancelling shipments, the two routes that cost money at the carriers.
 */
public record SecurityConfig(
    boolean disabled, List<ApiKey> apiKeys, Optional<JwtSettings> jwt, RateLimit createLimit, RateLimit cancelLimit) {

  public static final RateLimit DEFAULT_CREATE_LIMIT = RateLimit.perMinute(120);
  public static final RateLimit DEFAULT_CANCEL_LIMIT = RateLimit.perMinute(30);

  public SecurityConfig {
    apiKeys = List.copyOf(apiKeys);
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(createLimit, "createLimit");
    Objects.requireNonNull(cancelLimit, "cancelLimit");
    if (!disabled && apiKeys.isEmpty() && jwt.isEmpty()) {
      throw new IllegalArgumentException("no credential source: configure API keys or a JWT issuer");
    }
    if (disabled && (!apiKeys.isEmpty() || jwt.isPresent())) {
      throw new IllegalArgumentException("authentication is disabled but credentials are configured");
    }
  }

  public static SecurityConfig apiKeys(List<ApiKey> keys) {
    return new SecurityConfig(false, keys, Optional.empty(), DEFAULT_CREATE_LIMIT, DEFAULT_CANCEL_LIMIT);
  }

  public static SecurityConfig jwt(JwtSettings settings) {
    return new SecurityConfig(false, List.of(), Optional.of(settings), DEFAULT_CREATE_LIMIT, DEFAULT_CANCEL_LIMIT);
  }

  /** Everyone may do everything: for a developer's machine behind a firewall, never for production. */
  public static SecurityConfig disabledAuthentication() {
    return new SecurityConfig(true, List.of(), Optional.empty(), DEFAULT_CREATE_LIMIT, DEFAULT_CANCEL_LIMIT);
  }

  public SecurityConfig withLimits(RateLimit create, RateLimit cancel) {
    return new SecurityConfig(disabled, apiKeys, jwt, create, cancel);
  }

  /** One line for the start-up log: which credentials are accepted, never their hashes. */
  public String describe() {
    if (disabled) {
      return "authentication DISABLED";
    }
    StringBuilder text = new StringBuilder("authentication by");
    if (!apiKeys.isEmpty()) {
      text.append(" API keys ").append(apiKeys.stream().map(ApiKey::name).toList());
    }
    jwt.ifPresent(settings -> text.append(apiKeys.isEmpty() ? "" : " and").append(" JWTs from ")
        .append(settings.issuer()).append(" for audience ").append(settings.audience()));
    return text.append("; create limit ").append(createLimit.requests()).append(" per ").append(createLimit.period())
        .append(", cancel limit ").append(cancelLimit.requests()).append(" per ").append(cancelLimit.period())
        .toString();
  }
}

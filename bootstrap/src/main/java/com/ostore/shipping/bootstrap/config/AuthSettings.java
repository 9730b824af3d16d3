package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.adapter.in.http.auth.ApiKey;
import com.ostore.shipping.adapter.in.http.auth.ApiKeyList;
import com.ostore.shipping.adapter.in.http.auth.JwtSettings;
import com.ostore.shipping.adapter.in.http.auth.RateLimit;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads who may call the API (API_KEYS_FILE, API_KEYS, AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, ...) and
 * the per-credential limits. Without any credential source the service does not start, unless
 * AUTH_DISABLED=true says so explicitly.
 */
final class AuthSettings {
  private AuthSettings() {}

  /** Returns null (with the problems recorded in {@code env}) when the settings do not add up. */
  static SecurityConfig read(EnvReader env) {
    boolean disabled = flag(env, "AUTH_DISABLED");
    List<ApiKey> keys = apiKeys(env);
    Optional<JwtSettings> jwt = jwt(env);
    RateLimit create = limit(env, "CREATE", SecurityConfig.DEFAULT_CREATE_LIMIT);
    RateLimit cancel = limit(env, "CANCEL", SecurityConfig.DEFAULT_CANCEL_LIMIT);
    boolean configured = !keys.isEmpty() || jwt.isPresent() || env.optional("AUTH_JWKS_URL").isPresent();
    if (!disabled && !configured) {
      env.problem("no credential source for the API: set API_KEYS_FILE or API_KEYS (name:sha256hex:scope,scope"
          + " entries), or AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE; AUTH_DISABLED=true runs without"
          + " authentication");
      return null;
    }
    if (disabled && configured) {
      env.problem("AUTH_DISABLED=true contradicts the configured API keys or JWT issuer; remove one or the other");
      return null;
    }
    try {
      return new SecurityConfig(disabled, keys, jwt, create, cancel);
    } catch (IllegalArgumentException e) {
      env.problem(e.getMessage());
      return null;
    }
  }

  private static boolean flag(EnvReader env, String name) {
    String value = env.string(name, "false").toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      env.problem(name + " must be true or false (got '" + value + "')");
    }
    return value.equals("true");
  }

  private static List<ApiKey> apiKeys(EnvReader env) {
    List<ApiKey> keys = new ArrayList<>();
    env.optional("API_KEYS_FILE").ifPresent(file -> {
      try {
        keys.addAll(parse(env, "API_KEYS_FILE", Files.readString(Path.of(file))));
      } catch (IOException e) {
        env.problem("API_KEYS_FILE names a file that cannot be read: " + file);
      }
    });
    env.optional("API_KEYS").ifPresent(text -> keys.addAll(parse(env, "API_KEYS", text)));
    Set<String> names = new HashSet<>();
    keys.stream().map(ApiKey::name).filter(name -> !names.add(name)).findFirst()
        .ifPresent(name -> env.problem("API key name " + name + " is configured twice"));
    return keys;
  }

  private static List<ApiKey> parse(EnvReader env, String variable, String text) {
    try {
      return ApiKeyList.parse(text);
    } catch (IllegalArgumentException e) {
      env.problem(variable + ": " + e.getMessage());
      return List.of();
    }
  }

  private static Optional<JwtSettings> jwt(EnvReader env) {
    Optional<String> url = env.optional("AUTH_JWKS_URL");
    if (url.isEmpty()) {
      if (env.optional("AUTH_ISSUER").isPresent() || env.optional("AUTH_AUDIENCE").isPresent()) {
        env.problem("AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL (the issuer's key set)");
      }
      return Optional.empty();
    }
    URI jwks = jwksUrl(env, url.get());
    String issuer = env.required("AUTH_ISSUER", "the exact iss of the tokens AUTH_JWKS_URL signs");
    String audience = env.required("AUTH_AUDIENCE", "the aud the tokens must carry for this service");
    Set<String> algorithms = new LinkedHashSet<>(Arrays.stream(env.string("AUTH_JWT_ALGORITHMS", "RS256,ES256")
        .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    Duration skew = env.duration("AUTH_CLOCK_SKEW", JwtSettings.DEFAULT_CLOCK_SKEW);
    Duration cache = env.duration("AUTH_JWKS_CACHE_TIME", JwtSettings.DEFAULT_KEY_CACHE_TIME);
    if (jwks == null || issuer.isEmpty() || audience.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JwtSettings(jwks, issuer, audience, algorithms, skew, cache));
    } catch (IllegalArgumentException e) {
      env.problem("AUTH_*: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The keys that vouch for every token must come over TLS; plain http only from this very machine. */
  private static URI jwksUrl(EnvReader env, String value) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
        env.problem("AUTH_JWKS_URL must be an https URL (plain http only for localhost; got '" + value + "')");
        return null;
      }
      return uri;
    } catch (IllegalArgumentException e) {
      env.problem("AUTH_JWKS_URL must be an https URL (got '" + value + "')");
      return null;
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses: a name is not looked up here, so this never waits on DNS.
      return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static RateLimit limit(EnvReader env, String operation, RateLimit fallback) {
    int requests = env.integer(operation + "_RATE_LIMIT_CALLS", fallback.requests(), 1, 1_000_000);
    Duration period = env.duration(operation + "_RATE_LIMIT_PERIOD", fallback.period());
    try {
      return new RateLimit(requests, period);
    } catch (IllegalArgumentException e) {
      env.problem(operation + "_RATE_LIMIT_*: " + e.getMessage());
      return fallback;
    }
  }
}

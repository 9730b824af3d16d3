package com.ostore.shipping.adapter.in.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's security filter. Every route declares its access when it is registered: {@link Access#PUBLIC}
 * or the one {@link Scope} it needs. Before a matched route runs, the filter reads the bearer credential
 * (an API key or a JWT), checks the scope and the caller's rate limit, and leaves the {@link Caller} on
 * the request; anything short of that is answered here and the route never runs.
 */
public final class ApiSecurity {
  private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);
  private static final String CALLER = "authenticatedCaller";

  private final boolean disabled;
  private final Optional<ApiKeyVerifier> apiKeys;
  private final Optional<JwtVerifier> jwts;
  private final Map<Scope, RateLimiter> limits;

  public ApiSecurity(SecurityConfig config, Clock clock) {
    this.disabled = config.disabled();
    this.apiKeys = config.apiKeys().isEmpty() ? Optional.empty() : Optional.of(new ApiKeyVerifier(config.apiKeys()));
    this.jwts = config.jwt().map(settings -> new JwtVerifier(settings, clock));
    this.limits = Map.of(Scope.SHIPMENTS_WRITE, new RateLimiter(config.createLimit(), clock),
        Scope.SHIPMENTS_CANCEL, new RateLimiter(config.cancelLimit(), clock));
    if (disabled) {
      LOG.warn("AUTH_DISABLED=true: the API accepts every request without a credential; never run like this "
          + "where anyone but you can reach the port");
    }
    LOG.info("{}", config.describe());
  }

  /** Registers the filter and its answers; call before the routes' own handlers run. */
  public void install(RoutesConfig routes) {
    routes.beforeMatched(this::admit);
    routes.exception(CredentialRefused.class, (refusal, ctx) -> {
      if (refusal.headerName() != null) {
        ctx.header(refusal.headerName(), refusal.headerValue());
      }
      ctx.status(refusal.status()).json(Map.of("error", refusal.getMessage()));
    });
  }

  /** The caller the filter admitted for this request. */
  public static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on this request (a public route?)");
    }
    return caller;
  }

  private void admit(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    Scope needed = scopeOf(roles);
    Caller caller = disabled ? Caller.anonymous() : authenticate(ctx.header("Authorization"));
    if (!caller.mayUse(needed)) {
      throw CredentialRefused.lacking(needed);
    }
    RateLimiter limiter = limits.get(needed);
    if (limiter != null) {
      Optional<Duration> wait = limiter.acquire(caller.id());
      if (wait.isPresent()) {
        throw CredentialRefused.tooMany(Math.max(1, (wait.get().toMillis() + 999) / 1000));
      }
    }
    ctx.attribute(CALLER, caller);
  }

  /** The scope the route declared (a plain loop: this runs on every request). */
  private static Scope scopeOf(Set<RouteRole> roles) {
    for (RouteRole role : roles) {
      if (role instanceof Scope scope) {
        return scope;
      }
    }
    throw CredentialRefused.undeclared();
  }

  private Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw CredentialRefused.missing();
    }
    String token = BearerToken.of(authorization.strip());
    if (token == null) {
      throw CredentialRefused.invalid();
    }
    // Our API keys never contain a dot; a compact JWT always does.
    if (token.indexOf('.') >= 0) {
      return jwts.orElseThrow(CredentialRefused::invalid).verify(token);
    }
    return apiKeys.orElseThrow(CredentialRefused::invalid).verify(token);
  }
}

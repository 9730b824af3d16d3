package com.ostore.shipping.adapter.in.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks OAuth2 bearer JWTs (client-credentials access tokens) with nimbus-jose-jwt: a signature by a
 * key from the issuer's JWKS under one of the pinned algorithms (never {@code none}, never HMAC), the
 * exact issuer, our audience, {@code exp} and {@code nbf} within the allowed skew, and a subject.
 */
final class JwtVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);
  /** Time to wait for a JWKS refresh before serving from the expired cache or failing. */
  private static final long REFRESH_TIMEOUT_MILLIS = 5_000;
  /** At most two fetches of the key set per this interval, however many tokens name unknown keys. */
  private static final long MIN_FETCH_INTERVAL_MILLIS = 30_000;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  JwtVerifier(JwtSettings settings, Clock clock) {
    Set<JWSAlgorithm> algorithms = settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keySource(settings)));
    // RFC 9068 access tokens say "at+jwt"; many issuers still say "JWT" or nothing.
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("exp", "sub"), null) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * Keys are cached for the configured time and refreshed ahead of expiry; a token naming a key not in
   * the cache forces one refresh (rotation), rate-limited so bad tokens cannot hammer the issuer; when
   * the issuer is down, the last keys keep serving for a while.
   */
  private static JWKSource<SecurityContext> keySource(JwtSettings settings) {
    long ttl = settings.keyCacheTime().toMillis();
    try {
      return JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL(), new NoRedirectRetriever())
          .cache(ttl, REFRESH_TIMEOUT_MILLIS)
          .refreshAheadCache(true)
          .rateLimited(MIN_FETCH_INTERVAL_MILLIS)
          .retrying(true)
          .outageTolerant(ttl * 12)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("the JWKS URL is not a URL", e);
    }
  }

  Caller verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      // A key id the issuer did not have a moment ago: not worth another fetch yet.
      LOG.info("refused a bearer token: its key is unknown and the issuer's keys were fetched just now");
      throw CredentialRefused.invalid();
    } catch (KeySourceException e) {
      LOG.warn("cannot fetch the issuer's keys to check a bearer token: {}", e.getMessage());
      throw CredentialRefused.unverifiable();
    } catch (ParseException | BadJOSEException | JOSEException e) {
      LOG.info("refused a bearer token: {}", shortened(e.getMessage()));
      throw CredentialRefused.invalid();
    }
    return new Caller("jwt:" + callerName(claims), TokenScopes.of(claims));
  }

  /** RFC 9068 names the client in {@code client_id}; issuers without it put the client in {@code sub}. */
  private static String callerName(JWTClaimsSet claims) {
    Object clientId = claims.getClaim("client_id");
    return clientId instanceof String id && !id.isBlank() ? id : claims.getSubject();
  }

  private static String shortened(String message) {
    String text = message == null ? "" : message;
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}

package com.ostore.shipping.adapter.in.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ostore.shipping.adapter.in.http.auth.JwtSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in OAuth2 issuer: key pairs generated for this test run, their public halves served as a JWKS
 * on a local port (counting fetches), and access tokens signed the way a real issuer signs them.
 */
final class TestIssuer implements AutoCloseable {
  static final String ISSUER = "https://issuer.example.test/";
  static final String AUDIENCE = "ostore-shipping";
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  // Generated once per test run: RSA key generation is slow, and each issuer serves them afresh anyway.
  private static final RSAKey RSA = generateRsa("rsa-1");
  private static final ECKey EC = generateEc("ec-1");
  private static final RSAKey RSA_NEXT = generateRsa("rsa-2");

  final RSAKey rsa = RSA;
  final ECKey ec = EC;
  /** A key the issuer has not published (yet). */
  final RSAKey unpublished = RSA_NEXT;

  private final List<JWK> published = new CopyOnWriteArrayList<>(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer server;

  TestIssuer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  JwtSettings settings() {
    return JwtSettings.of(jwksUrl(), ISSUER, AUDIENCE);
  }

  URI jwksUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  int jwksFetches() {
    return fetches.get();
  }

  /** Key rotation: the issuer starts publishing another key. */
  void publish(JWK key) {
    published.add(key.toPublicJWK());
  }

  /** A valid access token for {@code scopes}, signed with the RSA key; {@code changes} may spoil it. */
  String token(String scopes, Consumer<JWTClaimsSet.Builder> changes) {
    return sign(rsa, JWSAlgorithm.RS256, claims(scopes, changes));
  }

  String token(String scopes) {
    return token(scopes, claims -> {});
  }

  static JWTClaimsSet claims(String scopes, Consumer<JWTClaimsSet.Builder> changes) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
        .subject("orders-service").claim("client_id", "orders-service").claim("scope", scopes)
        .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    changes.accept(claims);
    return claims.build();
  }

  static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
    try {
      JWSSigner signer = key instanceof RSAKey rsaKey ? new RSASSASigner(rsaKey) : new ECDSASigner((ECKey) key);
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
          .build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HMAC token keyed with a secret anyone could guess: the algorithm-confusion attack. */
  static String signHs256(String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
      jwt.sign(new MACSigner("an-easily-guessed-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsecured JWT: header {"alg":"none"}, the claims, and an empty signature. */
  static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
  }

  private static RSAKey generateRsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

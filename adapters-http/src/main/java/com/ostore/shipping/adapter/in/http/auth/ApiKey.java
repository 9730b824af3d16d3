package com.ostore.shipping.adapter.in.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured API key: a name (used in logs and as the caller id), the SHA-256 of the key and its
 * scopes. The key itself is never configured or stored, only its hash.
 */
public final class ApiKey {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  /**
   * Every request hashes the key it presents; a digest per thread (digest() resets it) spares the provider
   * lookup of {@code MessageDigest.getInstance}, which profiles showed costing more than the hash itself.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ApiKey::newSha256);

  private final byte[] sha256;
  private final Set<Scope> scopes;

  public ApiKey(String name, byte[] sha256, Set<Scope> scopes) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an API key name is 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    if (sha256 == null || sha256.length != 32) {
      throw new IllegalArgumentException("API key " + name + ": the hash must be 64 hex digits (SHA-256)");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("API key " + name + " has no scopes");
    }
    this.name = name;
    this.sha256 = sha256.clone();
    this.scopes = Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** The entry for a key you hold (tests and embedding code; configuration gives the hash instead). */
  public static ApiKey forKey(String name, String key, Set<Scope> scopes) {
    return new ApiKey(name, sha256(key), scopes);
  }

  /** A new random key (256 bits), in a shape that cannot be mistaken for a JWT: no dots. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "ostk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of a key, as it is written in the configuration. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  static byte[] sha256(String key) {
    return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public String name() {
    return name;
  }

  public Set<Scope> scopes() {
    return scopes;
  }

  /** Compares in time that does not depend on where the hashes differ. */
  boolean matchesHash(byte[] presented) {
    return MessageDigest.isEqual(sha256, presented);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKey other && name.equals(other.name) && MessageDigest.isEqual(sha256, other.sha256)
        && scopes.equals(other.scopes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, scopes);
  }

  /** Names the key and its scopes only. */
  @Override
  public String toString() {
    return "ApiKey[" + name + " " + scopes + "]";
  }
}

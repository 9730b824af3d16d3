package com.ostore.shipping.adapter.in.http.auth;

import java.util.List;

/**
 * Checks a presented API key against the configured hashes. Every hash is compared, in constant time,
 * whether or not an earlier one matched, so the answer time says nothing about which key came close.
 */
final class ApiKeyVerifier {
  private final List<ApiKey> keys;
  /** Who each key proves, made once: the same immutable caller serves every request with that key. */
  private final List<Caller> callers;

  ApiKeyVerifier(List<ApiKey> keys) {
    this.keys = List.copyOf(keys);
    this.callers = this.keys.stream().map(key -> new Caller("key:" + key.name(), key.scopes())).toList();
  }

  Caller verify(String presented) {
    byte[] hash = ApiKey.sha256(presented);
    int match = -1;
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).matchesHash(hash) && match < 0) {
        match = i;
      }
    }
    if (match < 0) {
      throw CredentialRefused.invalid();
    }
    return callers.get(match);
  }
}

package com.ostore.shipping.adapter.in.http.auth;

import java.util.List;

/**
 * Checks a presented API key against the configured hashes. Every hash is compared, in constant time,
 * whether or not an earlier one matched, so the answer time says nothing about which key came close.
 */
final class ApiKeyVerifier {
  private final List<ApiKey> keys;

  ApiKeyVerifier(List<ApiKey> keys) {
    this.keys = List.copyOf(keys);
  }

  Caller verify(String presented) {
    byte[] hash = ApiKey.sha256(presented);
    ApiKey match = null;
    for (ApiKey key : keys) {
      if (key.matchesHash(hash) && match == null) {
        match = key;
      }
    }
    if (match == null) {
      throw CredentialRefused.invalid();
    }
    return new Caller("key:" + match.name(), match.scopes());
  }
}

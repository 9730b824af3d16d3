package com.ostore.shipping.adapter.out.carrier.usps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Keeps one bearer-style token and fetches a new one shortly before it expires (by the injected
 * clock). Fetching is single flight: concurrent callers wait for the one fetch instead of each
 * asking USPS, because USPS counts and throttles token calls too.
 */
final class TokenCache {
  /** A token and the instant USPS stops accepting it. */
  record Issued(String value, Instant expiresAt) {}

  private final Supplier<Issued> issuer;
  private final Clock clock;
  private final Duration refreshMargin;
  private Issued current;
  private Instant refreshAt;

  TokenCache(Supplier<Issued> issuer, Clock clock, Duration refreshMargin) {
    this.issuer = issuer;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
  }

  synchronized String get() {
    if (current == null || !clock.instant().isBefore(refreshAt)) {
      Instant issuedAt = clock.instant();
      current = issuer.get();
      refreshAt = refreshAt(issuedAt, current.expiresAt());
    }
    return current.value();
  }

  /** Drops the token after USPS rejected it, unless another caller already replaced it. */
  synchronized void invalidate(String rejected) {
    if (current != null && current.value().equals(rejected)) {
      current = null;
    }
  }

  private Instant refreshAt(Instant issuedAt, Instant expiresAt) {
    // A margin larger than half the lifetime would refresh on nearly every call; cap it.
    Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
    Duration margin = refreshMargin.compareTo(half) <= 0 ? refreshMargin : half;
    return expiresAt.minus(margin.isNegative() ? Duration.ZERO : margin);
  }
}

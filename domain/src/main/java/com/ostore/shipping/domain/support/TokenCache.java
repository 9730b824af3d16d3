package com.ostore.shipping.domain.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps one bearer token and fetches a new one shortly before it expires (by the injected clock).
 * Fetching is single flight: concurrent callers wait for the one fetch instead of each asking the
 * carrier, because carriers count and throttle token calls. Carrier-neutral and JDK-only.
 */
public final class TokenCache {
  /** A token and the instant the carrier stops accepting it. */
  public record Issued(Secret value, Instant expiresAt) {
    public Issued {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final Supplier<Issued> issuer;
  private final Clock clock;
  private final Duration refreshMargin;
  private Issued current;
  private Instant refreshAt;

  public TokenCache(Supplier<Issued> issuer, Clock clock, Duration refreshMargin) {
    this.issuer = issuer;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
  }

  public synchronized Secret get() {
    if (current == null || !clock.instant().isBefore(refreshAt)) {
      Instant issuedAt = clock.instant();
      current = issuer.get();
      refreshAt = refreshAt(issuedAt, current.expiresAt());
    }
    return current.value();
  }

  /** Drops the token after the carrier refused it, unless another caller already replaced it. */
  public synchronized void invalidate(Secret refused) {
    if (current != null && current.value().equals(refused)) {
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

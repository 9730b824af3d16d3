package com.ostore.shipping.domain.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JDK-only pieces both carrier adapters use: Retry-After, the quota window, the token cache. */
class CarrierNeutralHelpersTest {
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"7|PT7S", "' 0 '|PT0S", "-5|PT0S", "Mon, 05 Jan 2026 10:00:30 GMT|PT30S",
      "Mon, 05 Jan 2026 09:00:00 GMT|PT0S"})
  void retryAfterIsReadAsSecondsOrAsAnHttpDateAndNeverNegative(String header, Duration wait) {
    assertThat(RetryAfter.parse(header, NOW)).contains(wait);
  }

  @ParameterizedTest
  @CsvSource({"soon", "''", "12.5"})
  void anUnreadableRetryAfterIsNoAnswer(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
  }

  @Test
  void theQuotaWindowStartsWithTheFirstCallAndWaitsForItsRest() {
    MutableClock clock = new MutableClock(NOW);
    QuotaWindow window = new QuotaWindow(clock, Duration.ofHours(1));

    assertThat(window.remaining()).isEqualTo(Duration.ofHours(1));
    window.onCall();
    clock.advance(Duration.ofMinutes(20));
    window.onCall();
    assertThat(window.remaining()).isEqualTo(Duration.ofMinutes(40));
    clock.advance(Duration.ofMinutes(41));
    window.onCall();
    assertThat(window.remaining()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theTokenCacheFetchesOnceUntilTheMarginBeforeExpiryOrAnInvalidation() {
    MutableClock clock = new MutableClock(NOW);
    AtomicInteger fetched = new AtomicInteger();
    TokenCache cache = new TokenCache(() -> new TokenCache.Issued(Secret.of("token-" + fetched.incrementAndGet()),
        clock.instant().plus(Duration.ofHours(1))), clock, Duration.ofMinutes(5));

    Secret first = cache.get();
    clock.advance(Duration.ofMinutes(54));
    Secret same = cache.get();
    clock.advance(Duration.ofMinutes(1));
    Secret refreshed = cache.get();
    cache.invalidate(first);
    Secret stillRefreshed = cache.get();
    cache.invalidate(refreshed);
    Secret third = cache.get();

    assertThat(same).isEqualTo(first);
    assertThat(refreshed.reveal()).isEqualTo("token-2");
    assertThat(stillRefreshed).isEqualTo(refreshed);
    assertThat(third.reveal()).isEqualTo("token-3");
  }
}

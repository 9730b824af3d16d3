package com.ostore.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
  private static final Duration INITIAL = Duration.ofSeconds(10);
  private static final Duration MAX = Duration.ofHours(1);

  @Test
  void eachAttemptWaitsTwiceAsLongAsTheOneBefore() {
    RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, 2.0, 0.2, () -> 0.0);

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(backoff.delayAfter(0)).as("no failure yet still waits the initial delay").isEqualTo(INITIAL);
  }

  @Test
  void theWaitNeverExceedsTheCapHoweverManyAttemptsFailed() {
    RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, 2.0, 0.2, () -> 0.0);

    assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(backoff.delayAfter(10)).isEqualTo(MAX);
    assertThat(backoff.delayAfter(64)).isEqualTo(MAX);
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(MAX);
  }

  @Test
  void jitterTakesOffAtMostItsShareOfTheDelay() {
    Iterator<Double> draws = List.of(0.0, 0.5, 0.999_999).iterator();
    RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, 2.0, 0.2, draws::next);

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(9));
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void randomJitterStaysWithinBoundsAndSpreadsRetries() {
    RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, 2.0, 0.2, () -> ThreadLocalRandom.current().nextDouble());
    Set<Duration> seen = new HashSet<>();

    for (int i = 0; i < 1_000; i++) {
      Duration capped = backoff.delayAfter(20);
      Duration third = backoff.delayAfter(3);
      assertThat(capped).isBetween(Duration.ofMinutes(48), MAX);
      assertThat(third).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(40));
      seen.add(third);
    }

    assertThat(seen).hasSizeGreaterThan(100);
  }

  @Test
  void theStandardBackoffStartsAtTenSecondsAndStopsAtOneHour() {
    RetryBackoff standard = RetryBackoff.standard();

    assertThat(standard.delayAfter(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    assertThat(standard.delayAfter(30)).isBetween(Duration.ofMinutes(48), MAX);
  }

  @Test
  void nonsensicalSettingsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RetryBackoff.of(Duration.ZERO, MAX));
    assertThatIllegalArgumentException().isThrownBy(() -> RetryBackoff.of(MAX, INITIAL));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(INITIAL, MAX, 0.5, 0.2, () -> 0.0));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(INITIAL, MAX, 2.0, 1.0, () -> 0.0));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(INITIAL, MAX, 2.0, -0.1, () -> 0.0));
  }
}

package com.ostore.shipping.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HourlyQuotaTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T10:59:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };
  private final HourlyQuota quota = new HourlyQuota(clock).limit(2);

  @Test
  void callsBeyondTheHoursQuotaAreRefusedUntilTheNextHour() {
    assertThat(quota.take()).isTrue();
    assertThat(quota.take()).isTrue();
    assertThat(quota.take()).isFalse();
    assertThat(quota.secondsToNextHour()).isEqualTo(60);

    now.set(now.get().plus(Duration.ofMinutes(1)));

    assertThat(quota.take()).isTrue();
    assertThat(quota.refusedTotal()).isEqualTo(1);
    assertThat(quota.servedPerHour()).containsValues(2, 1);
  }

  @Test
  void withoutALimitNothingIsRefused() {
    HourlyQuota off = new HourlyQuota(clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(off.take()).isTrue();
    }
  }
}

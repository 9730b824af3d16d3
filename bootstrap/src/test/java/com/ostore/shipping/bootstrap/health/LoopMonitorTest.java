package com.ostore.shipping.bootstrap.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoopMonitorTest {
  private final AtomicLong now = new AtomicLong();
  private final LoopMonitor loops = new LoopMonitor(Duration.ofMinutes(10), now::get);

  @Test
  void aLoopThatKeepsShowingLifeIsNeverStalledEvenWhenItsRunsFail() {
    loops.register("outbox_relay", Duration.ofMillis(200));

    for (int minute = 1; minute <= 30; minute++) {
      advance(Duration.ofMinutes(1));
      loops.alive("outbox_relay");
    }

    assertThat(loops.stalled()).isEmpty();
    assertThat(loops.lastSuccessAge()).containsEntry("outbox_relay", Duration.ofMinutes(30));
  }

  @Test
  void aLoopQuietForLongerThanItsAllowanceIsStalledUntilItShowsLifeAgain() {
    loops.register("label_work_1", Duration.ofMillis(500));
    loops.register("outbox_pruning", Duration.ofHours(1));

    advance(Duration.ofMinutes(11));
    loops.succeeded("outbox_pruning");

    assertThat(loops.stalled()).containsOnlyKeys("label_work_1");
    loops.succeeded("label_work_1");
    assertThat(loops.stalled()).isEmpty();
    assertThat(loops.lastSuccessAge()).containsEntry("label_work_1", Duration.ZERO);
  }

  @Test
  void aSlowLoopIsAllowedThreeOfItsIntervals() {
    loops.register("outbox_pruning", Duration.ofHours(1));

    advance(Duration.ofHours(2));
    assertThat(loops.stalled()).isEmpty();
    advance(Duration.ofHours(2));
    assertThat(loops.stalled()).containsOnlyKeys("outbox_pruning");
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}

package com.ostore.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.bootstrap.health.LoopMonitor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

  @Test
  void aRunThatThrowsAnErrorDoesNotEndTheLoopAndTheNextSuccessIsRecorded() throws Exception {
    LoopMonitor loops = new LoopMonitor(Duration.ofMinutes(10));
    loops.register("tracking_run", Duration.ofMillis(10));
    AtomicInteger runs = new AtomicInteger();
    Runnable run = BackgroundWork.guarded("tracking_run", Duration.ofMillis(10), () -> {
      if (runs.incrementAndGet() <= 2) {
        throw new StackOverflowError("carrier payload nested too deep");
      }
    }, loops);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      CountDownLatch third = new CountDownLatch(1);
      executor.scheduleWithFixedDelay(() -> {
        run.run();
        if (runs.get() >= 3) {
          third.countDown();
        }
      }, 0, 10, TimeUnit.MILLISECONDS);

      assertThat(third.await(10, TimeUnit.SECONDS)).as("the loop ran again after two Errors").isTrue();
    } finally {
      executor.shutdownNow();
    }
    assertThat(loops.lastSuccessAge().get("tracking_run")).isLessThan(Duration.ofMinutes(1));
    assertThat(loops.stalled()).isEmpty();
  }
}

package com.ostore.shipping.application.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One label purchase the fake carrier holds after it sold the labels and before the buyer hears of
 * them, until the test lets the answer go: the window in which leases change hands.
 */
public final class PausedPurchase {
  private static final long PATIENCE_SECONDS = 30;

  private final CountDownLatch sold = new CountDownLatch(1);
  private final CountDownLatch answered = new CountDownLatch(1);

  private PausedPurchase() {}

  /** Pauses the next purchase under {@code reference} that has no earlier pause waiting for it. */
  public static PausedPurchase of(FakeCarrierGateway carrier, String reference) {
    PausedPurchase pause = new PausedPurchase();
    carrier.duringPurchaseOf(reference, pause::hold);
    return pause;
  }

  public boolean isSold() {
    return sold.getCount() == 0;
  }

  /** Returns once the carrier sold the labels of this purchase. */
  public void awaitSold() {
    await(sold, "the paused purchase was never made");
  }

  /** Lets the buyer hear of its labels. */
  public void answer() {
    answered.countDown();
  }

  private void hold() {
    sold.countDown();
    await(answered, "the test never answered the paused purchase");
  }

  private static void await(CountDownLatch latch, String failure) {
    try {
      if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(failure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(failure, e);
    }
  }
}

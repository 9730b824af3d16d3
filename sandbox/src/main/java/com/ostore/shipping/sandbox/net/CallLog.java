package com.ostore.shipping.sandbox.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Every API call a simulator answered, in arrival order: what the carrier's own logs would show, so a
 * test can check that a client kept to its quota and waited as long as a {@code Retry-After} told it.
 */
public final class CallLog {
  /**
   * One answered call: when it arrived ({@link System#nanoTime()}), which API, what it was about (a
   * customer reference or an idempotency key; empty when nothing names it), the status answered and
   * the {@code Retry-After} sent with it, in seconds (-1 when none was sent).
   */
  public record Call(long arrivedNanos, String api, String subject, int status, int retryAfterSeconds) {
    public boolean toldToWait() {
      return retryAfterSeconds >= 0;
    }
  }

  private final List<Call> calls = new ArrayList<>();

  public synchronized void record(Call call) {
    calls.add(call);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }
}

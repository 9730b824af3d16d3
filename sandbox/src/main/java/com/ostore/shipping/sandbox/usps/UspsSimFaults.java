package com.ostore.shipping.sandbox.usps;

import com.ostore.shipping.sandbox.faults.ScriptedRefusals;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the USPS simulator injects into API calls (labels, payments, tracking; OAuth only when asked),
 * scriptable at runtime from any thread: added latency, 503s, 429s with Retry-After, hangs longer
 * than a client timeout, each by probability or for the next N calls, and scripted refusals
 * (payment, account, permission).
 */
public final class UspsSimFaults {
  private final Random random = new Random(42);
  private final AtomicInteger next503 = new AtomicInteger();
  private final AtomicInteger next429 = new AtomicInteger();
  private final AtomicInteger nextHangs = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private volatile double rate503;
  private volatile double rate429;
  private volatile double hangRate;
  private volatile int retryAfterSeconds = 1;
  private volatile Duration hangFor = Duration.ofSeconds(3);
  private volatile boolean onOAuth;
  private final ScriptedRefusals refusals = new ScriptedRefusals();

  /** What to do with one call. */
  enum Action { PASS, UNAVAILABLE, TOO_MANY, HANG }

  public UspsSimFaults latency(Duration value) { latency = value; return this; }
  public UspsSimFaults serviceUnavailableRate(double probability) { rate503 = probability; return this; }
  public UspsSimFaults serviceUnavailableNext(int calls) { next503.set(calls); return this; }
  public UspsSimFaults tooManyRequestsRate(double probability) { rate429 = probability; return this; }
  public UspsSimFaults tooManyRequestsNext(int calls) { next429.set(calls); return this; }
  /** Retry-After seconds sent with 429 and 503 answers; 0 sends none. */
  public UspsSimFaults retryAfterSeconds(int seconds) { retryAfterSeconds = seconds; return this; }
  public UspsSimFaults hangRate(double probability) { hangRate = probability; return this; }
  public UspsSimFaults hangNext(int calls) { nextHangs.set(calls); return this; }
  public UspsSimFaults hangFor(Duration value) { hangFor = value; return this; }
  public UspsSimFaults includeOAuth(boolean value) { onOAuth = value; return this; }

  /**
   * The next {@code count} calls to paths starting with {@code pathPrefix} (after the token and contract
   * checks) get USPS's error envelope with this status, inventory code and detail instead of being
   * served, e.g. 400 100007 "insufficient funds" on {@code /payments/v3}, or 403 on {@code /labels/v3}.
   */
  public UspsSimFaults refuseNext(String pathPrefix, int count, int status, String code, String detail) {
    refusals.add(pathPrefix, count, status, code, detail);
    return this;
  }

  /** Back to a healthy USPS. */
  public UspsSimFaults reset() {
    latency = Duration.ZERO;
    rate503 = 0;
    rate429 = 0;
    hangRate = 0;
    next503.set(0);
    next429.set(0);
    nextHangs.set(0);
    retryAfterSeconds = 1;
    onOAuth = false;
    refusals.clear();
    return this;
  }

  /** How many faults were injected so far. */
  public int injected() { return injected.get(); }

  int retryAfterSeconds() { return retryAfterSeconds; }
  Optional<ScriptedRefusals.Refusal> refusal(String path) { return refusals.take(path); }
  Duration latency() { return latency; }
  Duration hangFor() { return hangFor; }

  Action decide(boolean oauth) {
    if (oauth && !onOAuth) {
      return Action.PASS;
    }
    Action action = choose();
    if (action != Action.PASS) {
      injected.incrementAndGet();
    }
    return action;
  }

  private Action choose() {
    if (takeOne(nextHangs) || roll(hangRate)) {
      return Action.HANG;
    }
    if (takeOne(next429) || roll(rate429)) {
      return Action.TOO_MANY;
    }
    if (takeOne(next503) || roll(rate503)) {
      return Action.UNAVAILABLE;
    }
    return Action.PASS;
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private boolean roll(double probability) {
    if (probability <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < probability;
    }
  }
}

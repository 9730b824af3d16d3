package com.ostore.shipping.sandbox.fedex;

import com.ostore.shipping.sandbox.faults.ScriptedRefusals;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What the FedEx simulator does wrong, scriptable while it runs and safe to change from any thread:
 * added latency, 5xx answers, 429s with or without Retry-After, hangs longer than a client's
 * timeout, each as a probability or as "the next N calls"; scripted refusals (account, permission); and
 * calls held unanswered until the test lets them go, to line up interleavings without guessing at durations.
 */
public final class FedexFaults {
  /** What the simulator does with one incoming call. */
  enum Fault { NONE, SERVER_ERROR, THROTTLE, HANG }

  private final Random random = new Random(42);
  private volatile Duration latency = Duration.ZERO;
  private volatile double serverErrorRate;
  private final AtomicInteger serverErrorsLeft = new AtomicInteger();
  private volatile double throttleRate;
  private final AtomicInteger throttlesLeft = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile double hangRate;
  private final AtomicInteger hangsLeft = new AtomicInteger();
  private volatile Duration hangDuration = Duration.ofSeconds(5);
  private final AtomicInteger holdsLeft = new AtomicInteger();
  private final AtomicInteger holding = new AtomicInteger();
  private final Semaphore answers = new Semaphore(0, true);
  private final ScriptedRefusals refusals = new ScriptedRefusals();

  public FedexFaults latency(Duration added) {
    this.latency = added;
    return this;
  }

  /** Answers this share of calls (0..1) with 503 SERVICE.UNAVAILABLE.ERROR. */
  public FedexFaults serverErrorRate(double probability) {
    this.serverErrorRate = probability;
    return this;
  }

  public FedexFaults serverErrorsNext(int count) {
    serverErrorsLeft.set(count);
    return this;
  }

  /** Answers this share of calls with 429; {@code retryAfterSeconds} below 0 sends no Retry-After header. */
  public FedexFaults throttleRate(double probability, int retryAfterSeconds) {
    this.throttleRate = probability;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  public FedexFaults throttlesNext(int count, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    throttlesLeft.set(count);
    return this;
  }

  /** Holds this share of calls for {@code duration} before answering (the work is still done). */
  public FedexFaults hangRate(double probability, Duration duration) {
    this.hangRate = probability;
    this.hangDuration = duration;
    return this;
  }

  public FedexFaults hangsNext(int count, Duration duration) {
    this.hangDuration = duration;
    hangsLeft.set(count);
    return this;
  }

  /**
   * Holds the next {@code count} API calls (token requests excepted) before FedEx does anything, until
   * {@link #answerHeld(int)} lets them go, oldest first.
   */
  public FedexFaults holdNext(int count) {
    holdsLeft.set(count);
    return this;
  }

  /** How many calls are held right now. */
  public int heldCalls() {
    return holding.get();
  }

  /** Lets {@code count} held calls (or calls still to be held) go on. */
  public FedexFaults answerHeld(int count) {
    answers.release(count);
    return this;
  }

  /**
   * The next {@code count} calls to paths starting with {@code pathPrefix} (after the token check) are
   * answered with this FedEx error instead of being served, e.g. 403 FORBIDDEN.ERROR or 400
   * ACCOUNTNUMBER.REGISTRATION.REQUIRED on {@code /ship/v1/shipments}.
   */
  public FedexFaults refuseNext(String pathPrefix, int count, int status, String code, String message) {
    refusals.add(pathPrefix, count, status, code, message);
    return this;
  }

  public FedexFaults seed(long seed) {
    random.setSeed(seed);
    return this;
  }

  /** Back to a well-behaved FedEx. */
  public FedexFaults reset() {
    latency = Duration.ZERO;
    serverErrorRate = 0;
    throttleRate = 0;
    hangRate = 0;
    serverErrorsLeft.set(0);
    throttlesLeft.set(0);
    hangsLeft.set(0);
    holdsLeft.set(0);
    answers.release(holding.get());
    refusals.clear();
    return this;
  }

  Duration latency() {
    return latency;
  }

  Duration hangDuration() {
    return hangDuration;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Holds this call if a hold is due, until it is answered or {@code closed} says the simulator stopped. */
  void holdIfDue(BooleanSupplier closed) throws InterruptedException {
    if (!take(holdsLeft)) {
      return;
    }
    holding.incrementAndGet();
    try {
      while (!closed.getAsBoolean() && !answers.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        // waiting for the test to answer
      }
    } finally {
      holding.decrementAndGet();
    }
  }

  Optional<ScriptedRefusals.Refusal> refusal(String path) {
    return refusals.take(path);
  }

  Fault next() {
    if (take(hangsLeft) || chance(hangRate)) {
      return Fault.HANG;
    }
    if (take(serverErrorsLeft) || chance(serverErrorRate)) {
      return Fault.SERVER_ERROR;
    }
    if (take(throttlesLeft) || chance(throttleRate)) {
      return Fault.THROTTLE;
    }
    return Fault.NONE;
  }

  private boolean chance(double probability) {
    return probability > 0 && random.nextDouble() < probability;
  }

  private static boolean take(AtomicInteger left) {
    return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}

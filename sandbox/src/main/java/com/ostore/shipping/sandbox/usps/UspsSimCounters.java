package com.ostore.shipping.sandbox.usps;

import java.util.concurrent.atomic.AtomicLong;

/** What the USPS simulator has been asked to do, for tests and benchmarks to read. */
public final class UspsSimCounters {
  final AtomicLong labelsCharged = new AtomicLong();
  final AtomicLong idempotentReplays = new AtomicLong();
  final AtomicLong labelsRejected = new AtomicLong();
  final AtomicLong tokenCalls = new AtomicLong();
  final AtomicLong paymentTokenCalls = new AtomicLong();
  final AtomicLong trackingCalls = new AtomicLong();
  final AtomicLong legacyTrackingCalls = new AtomicLong();
  final AtomicLong numbersTracked = new AtomicLong();
  final AtomicLong cancels = new AtomicLong();
  final AtomicLong unauthorized = new AtomicLong();
  final AtomicLong contractRejections = new AtomicLong();

  /** Labels sold and charged (replays of an idempotency key are not charged). */
  public long labelsCharged() {
    return labelsCharged.get();
  }

  public long idempotentReplays() {
    return idempotentReplays.get();
  }

  /** Label requests refused with 400 (bad address, bad weight, reused key). */
  public long labelsRejected() {
    return labelsRejected.get();
  }

  public long tokenCalls() {
    return tokenCalls.get();
  }

  public long paymentTokenCalls() {
    return paymentTokenCalls.get();
  }

  /** v3r2 batch calls answered (200 or 207). */
  public long trackingCalls() {
    return trackingCalls.get();
  }

  /** Legacy one-number GET calls answered. */
  public long legacyTrackingCalls() {
    return legacyTrackingCalls.get();
  }

  /** Tracking numbers looked up, over both APIs. */
  public long numbersTracked() {
    return numbersTracked.get();
  }

  public long cancels() {
    return cancels.get();
  }

  /** API calls refused with 401 (missing, unknown or expired token). */
  public long unauthorized() {
    return unauthorized.get();
  }

  /** Requests refused because their body breaks USPS's published contract. */
  public long contractRejections() {
    return contractRejections.get();
  }

  /** Starts every count from zero again. */
  public void reset() {
    for (AtomicLong counter : new AtomicLong[] {labelsCharged, idempotentReplays, labelsRejected, tokenCalls,
        paymentTokenCalls, trackingCalls, legacyTrackingCalls, numbersTracked, cancels, unauthorized,
        contractRejections}) {
      counter.set(0);
    }
  }
}

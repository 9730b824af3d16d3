package com.ostore.shipping.sandbox.fedex;

import java.util.concurrent.atomic.AtomicLong;

/** What the FedEx simulator has served, for tests and the benchmark to read. */
public final class FedexSimulatorCounters {
  final AtomicLong tokenCalls = new AtomicLong();
  final AtomicLong labelsCreated = new AtomicLong();
  final AtomicLong createCalls = new AtomicLong();
  final AtomicLong cancels = new AtomicLong();
  final AtomicLong trackCalls = new AtomicLong();
  final AtomicLong numbersTracked = new AtomicLong();
  final AtomicLong referenceLookups = new AtomicLong();
  final AtomicLong faultsInjected = new AtomicLong();
  final AtomicLong contractRejections = new AtomicLong();

  public long tokenCalls() {
    return tokenCalls.get();
  }

  public long labelsCreated() {
    return labelsCreated.get();
  }

  public long createCalls() {
    return createCalls.get();
  }

  public long cancels() {
    return cancels.get();
  }

  public long trackCalls() {
    return trackCalls.get();
  }

  public long numbersTracked() {
    return numbersTracked.get();
  }

  public long referenceLookups() {
    return referenceLookups.get();
  }

  /** Requests refused because their body breaks FedEx's published contract. */
  public long contractRejections() {
    return contractRejections.get();
  }

  public long faultsInjected() {
    return faultsInjected.get();
  }

  @Override
  public String toString() {
    return "FedexSimulatorCounters[tokens=" + tokenCalls + ", labels=" + labelsCreated + ", cancels=" + cancels
        + ", trackCalls=" + trackCalls + ", numbersTracked=" + numbersTracked + ", faults=" + faultsInjected
        + ", contractRejections=" + contractRejections + "]";
  }
}

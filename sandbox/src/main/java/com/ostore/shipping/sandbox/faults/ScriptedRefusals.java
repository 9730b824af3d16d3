package com.ostore.shipping.sandbox.faults;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers a carrier simulator gives instead of doing the work, for the next N calls to paths with a prefix; thread-safe. */
public final class ScriptedRefusals {
  /** One scripted answer: HTTP status, the carrier's error code and message. */
  public record Refusal(String pathPrefix, int status, String code, String message, AtomicInteger left) {}

  private final ConcurrentLinkedQueue<Refusal> queue = new ConcurrentLinkedQueue<>();

  public void add(String pathPrefix, int count, int status, String code, String message) {
    queue.add(new Refusal(pathPrefix, status, code, message, new AtomicInteger(count)));
  }

  public void clear() {
    queue.clear();
  }

  public Optional<Refusal> take(String path) {
    for (Refusal refusal : queue) {
      if (path.startsWith(refusal.pathPrefix()) && refusal.left().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        return Optional.of(refusal);
      }
    }
    queue.removeIf(refusal -> refusal.left().get() == 0);
    return Optional.empty();
  }
}

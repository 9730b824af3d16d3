package com.ostore.shipping.bootstrap.faults;

import com.ostore.shipping.sandbox.net.CallLog.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a simulator's call log the way a carrier would judge its client: did it come back before the
 * {@code Retry-After} it was given, did it retry failed work without backing off, did it stay within
 * its quota.
 */
final class CarrierDiscipline {
  private CarrierDiscipline() {}

  /** Calls about the same subject that came back sooner than the Retry-After of the answer before. */
  static long earlyAfterRetryAfter(List<Call> calls) {
    long early = 0;
    for (List<Call> sameSubject : bySubject(calls).values()) {
      for (int i = 1; i < sameSubject.size(); i++) {
        Call before = sameSubject.get(i - 1);
        if (before.toldToWait()
            && gap(before, sameSubject.get(i)).compareTo(Duration.ofSeconds(before.retryAfterSeconds())) < 0) {
          early++;
        }
      }
    }
    return early;
  }

  /** Calls of {@code api} about the same subject that came back sooner than {@code backoff} after a 5xx. */
  static long retriedWithoutBackoff(List<Call> calls, String api, Duration backoff) {
    long early = 0;
    for (List<Call> sameSubject : bySubject(calls.stream().filter(c -> c.api().equals(api)).toList()).values()) {
      for (int i = 1; i < sameSubject.size(); i++) {
        Call before = sameSubject.get(i - 1);
        if (before.status() >= 500 && gap(before, sameSubject.get(i)).compareTo(backoff) < 0) {
          early++;
        }
      }
    }
    return early;
  }

  /** The most calls of {@code api} that arrived within any span of {@code period}. */
  static int busiestWindow(List<Call> calls, String api, Duration period) {
    List<Long> arrivals = calls.stream().filter(c -> c.api().equals(api)).map(Call::arrivedNanos).sorted().toList();
    int busiest = 0;
    int from = 0;
    for (int to = 0; to < arrivals.size(); to++) {
      while (arrivals.get(to) - arrivals.get(from) >= period.toNanos()) {
        from++;
      }
      busiest = Math.max(busiest, to - from + 1);
    }
    return busiest;
  }

  private static Map<String, List<Call>> bySubject(List<Call> calls) {
    Map<String, List<Call>> grouped = new HashMap<>();
    calls.stream().filter(c -> !c.subject().isEmpty())
        .forEach(c -> grouped.computeIfAbsent(c.api() + " " + c.subject(), s -> new ArrayList<>()).add(c));
    grouped.values().forEach(list -> list.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos())));
    return grouped;
  }

  private static Duration gap(Call before, Call after) {
    return Duration.ofNanos(after.arrivedNanos() - before.arrivedNanos());
  }
}

package com.ostore.shipping.bootstrap.health;

import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The service's readiness: the application's own report (database, waiting work) plus what only the
 * running process knows. A stalled background loop makes the service unready, since work would pile up
 * unseen; an unreachable Kafka does not (events wait in the outbox), it is reported for the operator.
 */
public final class ServiceHealth implements CheckHealthUseCase {
  private static final long KAFKA_CHECK_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  private final CheckHealthUseCase core;
  private final LoopMonitor loops;
  private final BooleanSupplier kafkaReachable;
  private volatile long kafkaCheckedAt;
  private volatile Boolean kafkaWasReachable;

  public ServiceHealth(CheckHealthUseCase core, LoopMonitor loops, BooleanSupplier kafkaReachable) {
    this.core = core;
    this.loops = loops;
    this.kafkaReachable = kafkaReachable;
  }

  @Override
  public Health health() {
    Health base = core.health();
    Map<String, Object> details = new LinkedHashMap<>(base.details());
    details.put("kafka", kafka() ? "reachable" : "unreachable");
    Map<String, Duration> stalled = loops.stalled();
    Map<String, Object> loopDetails = new TreeMap<>();
    loops.lastSuccessAge().forEach((name, age) -> loopDetails.put(name, Map.of(
        "last_success_age_seconds", age.toSeconds(), "running", !stalled.containsKey(name))));
    details.put("background_loops", loopDetails);
    if (!stalled.isEmpty()) {
      details.put("stalled_loops", String.join(",", stalled.keySet()));
    }
    return new Health(base.ready() && stalled.isEmpty(), details);
  }

  /** Asks the brokers at most every few seconds: readiness probes come often, and an outage makes each ask slow. */
  private boolean kafka() {
    long now = System.nanoTime();
    Boolean known = kafkaWasReachable;
    if (known == null || now - kafkaCheckedAt > KAFKA_CHECK_EVERY_NANOS) {
      known = kafkaReachable.getAsBoolean();
      kafkaWasReachable = known;
      kafkaCheckedAt = now;
    }
    return known;
  }
}

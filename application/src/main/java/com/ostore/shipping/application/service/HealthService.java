package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.model.CarrierCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready when the database answers; reports the work waiting in the queues and the outbox. */
public final class HealthService implements CheckHealthUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

  private final TaskQueue tasks;
  private final OutboxRepository outbox;

  private final Supplier<Map<CarrierCode, Integer>> trackingBacklog;

  public HealthService(TaskQueue tasks, OutboxRepository outbox) {
    this(tasks, outbox, Map::of);
  }

  /** {@code trackingBacklog}: per carrier, the due orders the last tracking run left for want of budget. */
  public HealthService(TaskQueue tasks, OutboxRepository outbox, Supplier<Map<CarrierCode, Integer>> trackingBacklog) {
    this.tasks = tasks;
    this.outbox = outbox;
    this.trackingBacklog = trackingBacklog;
  }

  @Override
  public Health health() {
    try {
      Map<String, Object> details = new LinkedHashMap<>();
      Map<TaskKind, Long> active = tasks.countActive();
      for (TaskKind kind : TaskKind.values()) {
        details.put(kind.wireName() + "_tasks", active.getOrDefault(kind, 0L));
      }
      details.put("unsent_events", outbox.countUnsent());
      trackingBacklog.get().forEach((carrier, orders) ->
          details.put(carrier.wireName() + "_tracking_backlog", orders));
      details.put("database", "up");
      return new Health(true, details);
    } catch (RuntimeException e) {
      LOG.warn("readiness check failed: {}", e.toString());
      return new Health(false, Map.of("database", "down"));
    }
  }
}

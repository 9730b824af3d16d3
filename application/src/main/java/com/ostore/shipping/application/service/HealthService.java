package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready when the database answers; reports the work waiting in the queues and the outbox. */
public final class HealthService implements CheckHealthUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

  private final TaskQueue tasks;
  private final OutboxRepository outbox;

  public HealthService(TaskQueue tasks, OutboxRepository outbox) {
    this.tasks = tasks;
    this.outbox = outbox;
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
      details.put("database", "up");
      return new Health(true, details);
    } catch (RuntimeException e) {
      LOG.warn("readiness check failed: {}", e.toString());
      return new Health(false, Map.of("database", "down"));
    }
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.AlertOnStaleWorkUseCase;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's on-call rule: work not acknowledged within a day (configurable) of becoming due pages the
 * primary on-caller, once per piece of work; the alert is resolved when the work finally succeeds.
 * Every alert is also one structured log line, so it is seen even without a paging webhook.
 */
public final class StaleWorkAlertService implements AlertOnStaleWorkUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(StaleWorkAlertService.class);
  private static final int ALERTS_PER_RUN = 100;

  private final TaskQueue tasks;
  private final OnCallAlerter alerter;
  private final Duration alertAfter;
  private final Clock clock;

  public StaleWorkAlertService(TaskQueue tasks, OnCallAlerter alerter, Duration alertAfter, Clock clock) {
    this.tasks = tasks;
    this.alerter = alerter;
    this.alertAfter = alertAfter;
    this.clock = clock;
  }

  @Override
  public int alertOnStaleWork() {
    Instant now = clock.instant();
    List<Task> stale = tasks.unacknowledgedSince(now.minus(alertAfter), ALERTS_PER_RUN);
    for (Task task : stale) {
      OnCallAlert alert = alertFor(task);
      LOG.error("oncall_alert action=trigger dedupKey={} kind={} subject={} attempts={} awaitingSince={} lastError=\"{}\"",
          alert.dedupKey(), task.kind().wireName(), task.subjectId(), task.attempts(), task.awaitingAckSince(),
          task.lastError());
      alerter.trigger(alert);
      tasks.markAlerted(task.id(), now);
    }
    return stale.size();
  }

  private OnCallAlert alertFor(Task task) {
    String summary = "%s work for %d unacknowledged since %s (%d attempts)".formatted(task.kind().wireName(),
        task.subjectId(), task.awaitingAckSince(), task.attempts());
    return new OnCallAlert(task.alertKey(), summary, OnCallAlert.Severity.CRITICAL, task.awaitingAckSince(),
        Map.of("kind", task.kind().wireName(), "subjectId", Long.toString(task.subjectId()), "attempts",
            Integer.toString(task.attempts()), "lastError", String.valueOf(task.lastError())));
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.AlertOnStaleWorkUseCase;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's on-call rule: work not acknowledged within a day (configurable) of becoming due pages the
 * primary on-caller, once per cause: a piece of work on its own, or a carrier that answers nobody (one
 * alert however much work waits for it). The alert is resolved when the work succeeds or the carrier
 * answers again. Each run also sends again the pages the pager has not accepted yet.
 */
public final class StaleWorkAlertService implements AlertOnStaleWorkUseCase {
  private static final int CAUSES_PER_RUN = 100;

  private final TaskQueue tasks;
  private final OnCallPager pager;
  private final Duration alertAfter;
  private final Clock clock;

  public StaleWorkAlertService(
      TaskQueue tasks, AlertRepository alerts, OnCallAlerter alerter, Duration alertAfter, Clock clock) {
    this.tasks = tasks;
    this.pager = new OnCallPager(alerts, alerter, clock);
    this.alertAfter = alertAfter;
    this.clock = clock;
  }

  @Override
  public int alertOnStaleWork() {
    Instant now = clock.instant();
    int raised = 0;
    for (StaleWork stale : tasks.staleWork(now.minus(alertAfter), CAUSES_PER_RUN)) {
      if (pager.raise(alertFor(stale))) {
        raised++;
      }
    }
    pager.deliverDue();
    return raised;
  }

  private static OnCallAlert alertFor(StaleWork stale) {
    Task oldest = stale.oldest();
    String work = "%s work for %d unacknowledged since %s (%d attempts)".formatted(oldest.kind().wireName(),
        oldest.subjectId(), oldest.awaitingAckSince(), oldest.attempts());
    Map<String, String> details = new HashMap<>(Map.of("kind", oldest.kind().wireName(), "subjectId",
        Long.toString(oldest.subjectId()), "attempts", Integer.toString(oldest.attempts()), "lastError",
        String.valueOf(oldest.lastError()), "staleTasks", Integer.toString(stale.tasks())));
    Optional<CarrierCode> carrier = OnCallPager.carrierOf(stale.blockedBy());
    String summary;
    if (carrier.isPresent()) {
      details.put("carrier", carrier.get().wireName());
      summary = "%s is unavailable: %d piece(s) of work wait for it; oldest: %s".formatted(carrier.get().wireName(),
          stale.tasks(), work);
    } else if (stale.blockedBy() != null) {
      details.put("blockedBy", stale.blockedBy());
      summary = "%d piece(s) of work held up by %s; oldest: %s".formatted(stale.tasks(), stale.blockedBy(), work);
    } else {
      summary = work;
    }
    return new OnCallAlert(stale.cause(), summary, OnCallAlert.Severity.CRITICAL, oldest.awaitingAckSince(), details);
  }
}

package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.AlertDelivery;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Alert state in a list, with the semantics the {@link AlertRepository} Javadoc promises: one open
 * alert per cause, a delivery claimed by one caller at a time, a trigger counted as sent only once
 * accepted, a cause's earlier resolution delivered before its new trigger. Claims run out by
 * {@code databaseClock}, the stand-in for the database server's clock.
 */
public final class InMemoryAlerts implements AlertRepository {
  private final List<Row> rows = new ArrayList<>();
  private final Clock databaseClock;
  private long nextId = 1;

  /** Alert state whose claims run out by {@code databaseClock}; tests usually pass the clock they move. */
  public InMemoryAlerts(Clock databaseClock) {
    this.databaseClock = databaseClock;
  }

  /** What a test can see of one alert. */
  public record AlertState(String cause, Instant raisedAt, int attempts, Instant deliveredAt, Instant resolvedAt,
      Instant resolveDeliveredAt, String lastError) {}

  private static final class Row {
    final long id;
    final OnCallAlert alert;
    final Instant raisedAt;
    String claimToken;
    Instant claimedUntil;
    int attempts;
    Instant nextAttemptAt;
    String lastError;
    Instant deliveredAt;
    Instant resolvedAt;
    Instant probeAt;
    Instant resolveDeliveredAt;

    Row(long id, OnCallAlert alert, Instant now) {
      this.id = id;
      this.alert = alert;
      this.raisedAt = now;
      this.nextAttemptAt = now;
    }

    boolean open() {
      return resolvedAt == null;
    }

    boolean resolutionPending() {
      return resolvedAt != null && deliveredAt != null && resolveDeliveredAt == null;
    }
  }

  @Override
  public synchronized boolean raise(OnCallAlert alert, Instant now) {
    if (rows.stream().anyMatch(r -> r.open() && r.alert.dedupKey().equals(alert.dedupKey()))) {
      return false;
    }
    rows.add(new Row(nextId++, alert, now));
    return true;
  }

  @Override
  public synchronized boolean resolve(String dedupKey, Instant now) {
    List<Row> open = rows.stream().filter(r -> r.open() && r.alert.dedupKey().equals(dedupKey)).toList();
    open.forEach(r -> {
      r.resolvedAt = now;
      r.nextAttemptAt = now;
    });
    return !open.isEmpty();
  }

  @Override
  public synchronized List<AlertDelivery> claimDue(Instant now, Duration hold, int limit) {
    return claimWhere(r -> true, now, hold, limit);
  }

  @Override
  public synchronized List<AlertDelivery> claim(String dedupKey, Instant now, Duration hold) {
    return claimWhere(r -> r.alert.dedupKey().equals(dedupKey), now, hold, Integer.MAX_VALUE);
  }

  @Override
  public synchronized boolean delivered(AlertDelivery delivery, Instant now) {
    Row row = byId(delivery.alertId());
    row.claimToken = null;
    row.claimedUntil = null;
    row.lastError = null;
    if (delivery.action() == AlertDelivery.Action.RESOLVE) {
      row.resolveDeliveredAt = now;
      return false;
    }
    row.deliveredAt = row.deliveredAt == null ? now : row.deliveredAt;
    row.attempts = 0;
    row.nextAttemptAt = now;
    return row.resolutionPending();
  }

  @Override
  public synchronized void deliveryFailed(AlertDelivery delivery, Instant nextAttemptAt, String problem) {
    Row row = byId(delivery.alertId());
    if (delivery.claimToken().equals(row.claimToken)) {
      row.claimToken = null;
      row.claimedUntil = null;
      row.nextAttemptAt = nextAttemptAt;
      row.lastError = problem;
    }
  }

  /** Every alert ever raised, oldest first. */
  public synchronized List<AlertState> all() {
    return rows.stream().map(r -> new AlertState(r.alert.dedupKey(), r.raisedAt, r.attempts, r.deliveredAt,
        r.resolvedAt, r.resolveDeliveredAt, r.lastError)).toList();
  }

  /** The causes whose alert is open. */
  @Override
  public synchronized void pauseUntil(String dedupKey, Instant probeAt) {
    rows.stream().filter(r -> r.open() && r.alert.dedupKey().equals(dedupKey))
        .filter(r -> r.probeAt == null || r.probeAt.isBefore(probeAt)).forEach(r -> r.probeAt = probeAt);
  }

  @Override
  public synchronized Optional<Pause> pauseOf(String prefix) {
    return rows.stream().filter(r -> r.open() && r.probeAt != null && r.alert.dedupKey().startsWith(prefix))
        .max(Comparator.comparing((Row r) -> r.probeAt)).map(r -> new Pause(r.alert.dedupKey(), r.probeAt));
  }

  @Override
  public synchronized boolean takeProbe(String dedupKey, Instant now, Instant nextProbeAt) {
    for (Row r : rows) {
      if (r.open() && r.alert.dedupKey().equals(dedupKey) && r.probeAt != null && !r.probeAt.isAfter(now)) {
        r.probeAt = nextProbeAt;
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<String> openCausesStartingWith(String prefix) {
    return rows.stream().filter(Row::open).map(r -> r.alert.dedupKey()).filter(k -> k.startsWith(prefix)).sorted()
        .toList();
  }

  public synchronized List<String> openCauses() {
    return rows.stream().filter(Row::open).map(r -> r.alert.dedupKey()).toList();
  }

  private List<AlertDelivery> claimWhere(Predicate<Row> which, Instant now, Duration hold, int limit) {
    Instant databaseNow = databaseClock.instant();
    List<Row> due = rows.stream().filter(which).filter(r -> isDue(r, now, databaseNow)).limit(limit).toList();
    String token = UUID.randomUUID().toString();
    return due.stream().map(r -> {
      r.claimToken = token;
      r.claimedUntil = databaseNow.plus(hold);
      r.attempts++;
      AlertDelivery.Action action = r.open() ? AlertDelivery.Action.TRIGGER : AlertDelivery.Action.RESOLVE;
      return new AlertDelivery(r.id, token, action, r.alert, r.attempts);
    }).toList();
  }

  private boolean isDue(Row row, Instant now, Instant databaseNow) {
    boolean free = row.claimedUntil == null || row.claimedUntil.isBefore(databaseNow);
    boolean triggerDue = row.open() && row.deliveredAt == null && rows.stream().noneMatch(earlier ->
        earlier.id < row.id && earlier.alert.dedupKey().equals(row.alert.dedupKey()) && earlier.resolutionPending());
    return free && !row.nextAttemptAt.isAfter(now) && (triggerDue || row.resolutionPending());
  }

  private Row byId(long id) {
    return rows.stream().filter(r -> r.id == id).findFirst().orElseThrow();
  }
}

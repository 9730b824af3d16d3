package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.AlertDao.DeliveryRow;
import com.ostore.shipping.domain.port.out.AlertDelivery;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The alerts table. Every statement is short and stands alone (or joins the caller's transaction, as
 * {@link #resolve} does in the transaction that finishes the work); nothing is held while the pager is
 * called.
 */
final class JdbiAlertRepository implements AlertRepository {
  private final Jdbi jdbi;

  JdbiAlertRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean raise(OnCallAlert alert, Instant now) {
    return dao(dao -> dao.raise(alert.dedupKey(), alert.severity().name().toLowerCase(Locale.ROOT), alert.summary(),
        JsonCodec.write(alert.details()), alert.since(), now)).isPresent();
  }

  @Override
  public boolean resolve(String dedupKey, Instant now) {
    return dao(dao -> dao.resolve(dedupKey, now)) > 0;
  }

  @Override
  public Set<String> resolveAll(Collection<String> dedupKeys, Instant now) {
    return dedupKeys.isEmpty() ? Set.of() : Set.copyOf(dao(dao -> dao.resolveAll(dedupKeys, now)));
  }

  @Override
  public List<String> openCausesStartingWith(String prefix) {
    return dao(dao -> dao.openCausesStartingWith(prefix));
  }

  @Override
  public void pauseUntil(String dedupKey, Instant probeAt) {
    dao(dao -> dao.pauseUntil(dedupKey, probeAt));
  }

  @Override
  public Optional<Pause> pauseOf(String prefix) {
    return dao(dao -> dao.pauseOf(prefix)).map(row -> new Pause(row.causeKey(), row.probeAt()));
  }

  @Override
  public boolean takeProbe(String dedupKey, Instant now, Instant nextProbeAt) {
    return dao(dao -> dao.takeProbe(dedupKey, now, nextProbeAt)) > 0;
  }

  @Override
  public List<AlertDelivery> claimDue(Instant now, Duration hold, int limit) {
    UUID token = UUID.randomUUID();
    return deliveries(token, dao(dao -> dao.claimDue(now, token, hold.toMillis(), Math.max(limit, 0))));
  }

  @Override
  public List<AlertDelivery> claim(String dedupKey, Instant now, Duration hold) {
    UUID token = UUID.randomUUID();
    return deliveries(token, dao(dao -> dao.claimCause(dedupKey, now, token, hold.toMillis(), 10)));
  }

  @Override
  public boolean delivered(AlertDelivery delivery, Instant now) {
    if (delivery.action() == AlertDelivery.Action.RESOLVE) {
      dao(dao -> dao.resolutionDelivered(delivery.alertId(), now));
      return false;
    }
    return dao(dao -> dao.triggerDelivered(delivery.alertId(), now)).orElse(false);
  }

  @Override
  public void deliveryFailed(AlertDelivery delivery, Instant nextAttemptAt, String problem) {
    dao(dao -> dao.deliveryFailed(delivery.alertId(), UUID.fromString(delivery.claimToken()), nextAttemptAt,
        problem));
  }

  // RETURNING has no order of its own; older rows of one cause go first (a resolution before a new trigger).
  private static List<AlertDelivery> deliveries(UUID token, List<DeliveryRow> rows) {
    return rows.stream().sorted(Comparator.comparingLong(DeliveryRow::id)).map(row -> new AlertDelivery(row.id(),
        token.toString(), row.resolution() ? AlertDelivery.Action.RESOLVE : AlertDelivery.Action.TRIGGER,
        new OnCallAlert(row.causeKey(), row.summary(), OnCallAlert.Severity.valueOf(row.severity().toUpperCase(
            Locale.ROOT)), row.since(), JsonCodec.readStringMap(row.details())), row.attempts())).toList();
  }

  private <T> T dao(Function<AlertDao, T> statement) {
    return jdbi.withExtension(AlertDao.class, statement::apply);
  }
}

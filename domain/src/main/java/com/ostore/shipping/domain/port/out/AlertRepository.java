package com.ostore.shipping.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place alert state lives, keyed by cause (the alert's dedup key: a piece of work, or a carrier
 * down for everyone): when it was first raised, whether the pager accepted it, when it was resolved.
 * A cause has at most one open alert; once resolved, the same cause may raise a new one. Every instance
 * of the service shares it, so a claim is what makes exactly one of them send.
 */
public interface AlertRepository {

  /** Opens an alert for its cause unless one is open; true only for the caller that opened it. */
  boolean raise(OnCallAlert alert, Instant now);

  /**
   * Resolves the cause's open alert; true if there was one. Call it in the transaction that finishes
   * the work, so the resolution cannot be lost; the pager hears of it through {@link #claim}.
   */
  boolean resolve(String dedupKey, Instant now);

  /** {@link #resolve} for several causes at once; returns those that had an open alert. */
  default Set<String> resolveAll(Collection<String> dedupKeys, Instant now) {
    return dedupKeys.stream().filter(key -> resolve(key, now)).collect(Collectors.toSet());
  }

  /** The causes with an open alert whose key starts with {@code prefix} (e.g. a carrier's account causes). */
  List<String> openCausesStartingWith(String prefix);

  /**
   * Makes the cause's open alert pause the work it stops: the next probe may go at {@code probeAt}
   * (never moved earlier). Nothing happens when the cause has no open alert.
   */
  void pauseUntil(String dedupKey, Instant probeAt);

  /** The open pause among causes starting with {@code prefix}, if any. */
  Optional<Pause> pauseOf(String prefix);

  /**
   * Takes the paused cause's probe if it is due at {@code now}, moving the next one to {@code nextProbeAt};
   * true for one caller only, across every instance.
   */
  boolean takeProbe(String dedupKey, Instant now, Instant nextProbeAt);

  /** Work stopped by an open alert's cause, with the time the next single probe may go. */
  record Pause(String cause, Instant probeAt) {}

  /**
   * Claims up to {@code limit} deliveries that are due by {@code now} (a trigger not yet accepted, a
   * resolution of an accepted alert not yet accepted) and that nobody holds, for {@code hold}; a claim
   * no one settles runs out and the delivery is claimed again. The hold is timed by the store's own
   * clock (the database's), like task leases, so instances whose clocks disagree still agree on who
   * holds what. A claim is one conditional update: of two instances asking at once, one gets it. A
   * trigger waits while the resolution of its cause's previous alert is still to be delivered.
   */
  List<AlertDelivery> claimDue(Instant now, Duration hold, int limit);

  /**
   * Like {@link #claimDue} for one cause's deliveries, oldest first (the resolution of its previous
   * alert before the trigger of a new one: the pager must never get them the other way round).
   */
  List<AlertDelivery> claim(String dedupKey, Instant now, Duration hold);

  /**
   * The pager accepted the delivery. Returns true when the alert was resolved meanwhile, so its
   * resolution is now due.
   */
  boolean delivered(AlertDelivery delivery, Instant now);

  /** The pager did not accept the delivery: it is due again at {@code nextAttemptAt}. */
  void deliveryFailed(AlertDelivery delivery, Instant nextAttemptAt, String problem);
}

package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.port.out.AlertDelivery;
import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertRepositoryIT extends DatabaseTestSupport {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration HOLD = Duration.ofMinutes(2);
  private static final OnCallAlert FEDEX_DOWN = new OnCallAlert("ostore-shipping-carrier-unavailable-fedex",
      "fedex is unavailable: 3 piece(s) of work wait for it", OnCallAlert.Severity.CRITICAL, T0,
      Map.of("carrier", "fedex", "staleTasks", "3"));

  private final AlertRepository alerts = module.alertRepository();

  @BeforeEach
  void noAlerts() throws SQLException {
    executeSql("DELETE FROM alerts");
  }

  @Test
  void severalCausesAreResolvedAtOnceAndOnlyThoseWithAnOpenAlertAreNamed() {
    OnCallAlert uspsDown = new OnCallAlert("ostore-shipping-carrier-unavailable-usps", "usps is unavailable",
        OnCallAlert.Severity.CRITICAL, T0, Map.of());
    alerts.raise(FEDEX_DOWN, T0);
    alerts.raise(uspsDown, T0);
    alerts.resolve(uspsDown.dedupKey(), T0.plusSeconds(10));

    Set<String> resolved = alerts.resolveAll(List.of(FEDEX_DOWN.dedupKey(), uspsDown.dedupKey(), "never-raised"),
        T0.plusSeconds(20));

    assertThat(resolved).containsExactly(FEDEX_DOWN.dedupKey());
    assertThat(alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(30))).isFalse();
  }

  @Test
  void aCauseHasOneOpenAlertAndMayRaiseANewOneOnceItWasResolved() {
    assertThat(alerts.raise(FEDEX_DOWN, T0)).isTrue();
    assertThat(alerts.raise(FEDEX_DOWN, T0.plusSeconds(60))).isFalse();

    assertThat(alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(120))).isTrue();
    assertThat(alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(130))).isFalse();
    assertThat(alerts.raise(FEDEX_DOWN, T0.plusSeconds(140))).isTrue();
  }

  @Test
  void theTriggerIsClaimedAsRaisedAndCountsAsSentOnlyOnceDelivered() {
    alerts.raise(FEDEX_DOWN, T0);

    AlertDelivery first = alerts.claimDue(T0, HOLD, 10).get(0);
    alerts.deliveryFailed(first, T0.plusSeconds(10), "HTTP 503");

    assertThat(first.action()).isEqualTo(AlertDelivery.Action.TRIGGER);
    assertThat(first.alert()).isEqualTo(FEDEX_DOWN);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(alerts.claimDue(T0.plusSeconds(9), HOLD, 10)).as("before its next attempt").isEmpty();
    AlertDelivery second = alerts.claim(FEDEX_DOWN.dedupKey(), T0.plusSeconds(10), HOLD).get(0);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(alerts.delivered(second, T0.plusSeconds(11))).isFalse();
    assertThat(alerts.claimDue(T0.plus(Duration.ofDays(1)), HOLD, 10)).as("accepted: never sent again").isEmpty();
  }

  @Test
  void aClaimHoldsTheDeliveryUntilItRunsOutByTheDatabasesClock() throws SQLException {
    alerts.raise(FEDEX_DOWN, T0);

    assertThat(alerts.claimDue(T0, HOLD, 10)).hasSize(1);

    assertThat(alerts.claimDue(T0.plusSeconds(60), HOLD, 10)).as("held by the first claimer").isEmpty();
    assertThat(alerts.claimDue(T0.plus(HOLD).plus(Duration.ofHours(1)), HOLD, 10))
        .as("a claimer whose clock runs an hour ahead").isEmpty();
    claimsRunOut();
    assertThat(alerts.claimDue(T0.plusSeconds(61), HOLD, 10)).as("its claimer died").hasSize(1);
  }

  /** Moves every alert claim's end into the past, as the database's clock passing it would. */
  private static void claimsRunOut() throws SQLException {
    executeSql("UPDATE alerts SET claimed_until = now() - interval '1 second' WHERE claimed_until IS NOT NULL");
  }

  @Test
  void ofManyInstancesClaimingAtOnceExactlyOneGetsTheDelivery() throws Exception {
    alerts.raise(FEDEX_DOWN, T0);
    ExecutorService instances = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> alerts.claimDue(T0, HOLD, 10).size());
      }
      int claimed = 0;
      for (Future<Integer> result : instances.invokeAll(claims)) {
        claimed += result.get();
      }
      assertThat(claimed).isEqualTo(1);
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void givenTheAlertIsResolvedWhileItsTriggerIsUnderWay_whenTheTriggerIsAccepted_thenItsResolutionIsDue() {
    alerts.raise(FEDEX_DOWN, T0);
    AlertDelivery trigger = alerts.claimDue(T0, HOLD, 10).get(0);

    alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(1));
    boolean resolutionDue = alerts.delivered(trigger, T0.plusSeconds(2));

    assertThat(resolutionDue).isTrue();
    AlertDelivery resolution = alerts.claim(FEDEX_DOWN.dedupKey(), T0.plusSeconds(2), HOLD).get(0);
    assertThat(resolution.action()).isEqualTo(AlertDelivery.Action.RESOLVE);
    alerts.delivered(resolution, T0.plusSeconds(3));
    assertThat(alerts.claimDue(T0.plus(Duration.ofDays(1)), HOLD, 10)).isEmpty();
  }

  @Test
  void anAlertResolvedBeforeThePagerAcceptedItIsNeverSent() {
    alerts.raise(FEDEX_DOWN, T0);
    alerts.deliveryFailed(alerts.claimDue(T0, HOLD, 10).get(0), T0.plusSeconds(10), "HTTP 503");

    alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(5));

    assertThat(alerts.claimDue(T0.plus(Duration.ofDays(1)), HOLD, 10)).isEmpty();
  }

  @Test
  void aNewTriggerOfACauseWaitsUntilTheResolutionOfItsPreviousAlertWasAccepted() {
    alerts.raise(FEDEX_DOWN, T0);
    alerts.delivered(alerts.claimDue(T0, HOLD, 10).get(0), T0);
    alerts.resolve(FEDEX_DOWN.dedupKey(), T0.plusSeconds(10));
    AlertDelivery resolution = alerts.claimDue(T0.plusSeconds(10), HOLD, 10).get(0);
    alerts.deliveryFailed(resolution, T0.plusSeconds(20), "HTTP 503");
    alerts.raise(FEDEX_DOWN, T0.plusSeconds(15));

    assertThat(alerts.claimDue(T0.plusSeconds(15), HOLD, 10)).as("the new trigger waits").isEmpty();
    List<AlertDelivery> due = alerts.claim(FEDEX_DOWN.dedupKey(), T0.plusSeconds(20), HOLD);
    assertThat(due).extracting(AlertDelivery::action).containsExactly(AlertDelivery.Action.RESOLVE);
    alerts.delivered(due.get(0), T0.plusSeconds(21));
    assertThat(alerts.claimDue(T0.plusSeconds(21), HOLD, 10)).extracting(AlertDelivery::action)
        .containsExactly(AlertDelivery.Action.TRIGGER);
  }
}

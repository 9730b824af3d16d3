package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.INITIAL_BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over many simulated days an order is tracked at its own daily time: the spread picks that time once,
 * and neither the spread nor a run's lateness or earliness moves it from one day to the next.
 */
class TrackingDailyTimeTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration EARLY_WINDOW = Duration.ofHours(1);

  @Test
  void givenRunsLateByVaryingAmounts_overAWeek_theDailyTimeNeverMoves() {
    ShippingFixture fixture = new ShippingFixture();
    TrackingService tracking = fixture.trackingWorker("tracker-1");
    fixture.labelledShipment(42, CarrierCode.FEDEX, 1);
    Instant dailyTime = fixture.tasks.get(TaskKind.TRACK_ORDER, 42).runAt();
    List<Duration> lateness = List.of(Duration.ZERO, Duration.ofMinutes(45), Duration.ofMinutes(5),
        Duration.ofMinutes(59), Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(15));

    List<Instant> scheduled = new ArrayList<>();
    for (Duration late : lateness) {
      fixture.clock.set(fixture.tasks.get(TaskKind.TRACK_ORDER, 42).runAt().plus(late));
      assertThat(tracking.trackDueOrders()).isEqualTo(1);
      scheduled.add(fixture.tasks.get(TaskKind.TRACK_ORDER, 42).runAt());
    }

    assertThat(scheduled).containsExactly(dailyTime.plus(DAY), dailyTime.plus(DAY.multipliedBy(2)),
        dailyTime.plus(DAY.multipliedBy(3)), dailyTime.plus(DAY.multipliedBy(4)), dailyTime.plus(DAY.multipliedBy(5)),
        dailyTime.plus(DAY.multipliedBy(6)), dailyTime.plus(DAY.multipliedBy(7)));
  }

  @Test
  void givenTheSpreadPlacesAnOrderHoursOffItsLabelTime_laterRunsDoNotApplyItAgain() {
    ShippingFixture fixture = new ShippingFixture();
    TrackingService tracking = fixture.trackingWorker("tracker-1");
    List<Instant> labelledAt = new ArrayList<>();
    for (long order = 1; order <= 20; order++) {
      labelledAt.add(fixture.clock.instant());
      fixture.labelledShipment(order, CarrierCode.USPS, 1);
    }
    List<Instant> firstRuns = new ArrayList<>();
    for (long order = 1; order <= 20; order++) {
      firstRuns.add(fixture.tasks.get(TaskKind.TRACK_ORDER, order).runAt());
    }

    for (int day = 1; day <= 5; day++) {
      fixture.clock.set(labelledAt.get(0).plus(DAY.multipliedBy(day)).plus(fixture.settings.trackingSpread()));
      tracking.trackDueOrders();
    }

    for (int i = 0; i < 20; i++) {
      assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, i + 1L).runAt())
          .as("order %d, first due %s", i + 1, firstRuns.get(i))
          .isEqualTo(firstRuns.get(i).plus(DAY.multipliedBy(5)));
    }
  }

  @Test
  void givenAnOrderRidesEarlyInAnotherOrdersCallEveryDay_itIsNeverMoreThanTheWindowEarlyNorDrifts() {
    ShippingFixture fixture = new ShippingFixture(new WorkSettings(10, Duration.ofMinutes(5),
        new RetryBackoff(INITIAL_BACKOFF, Duration.ofHours(1), 2.0, 0.2, () -> 0.0), DAY, Duration.ZERO,
        Duration.ofDays(60), DAY, 200, Duration.ofDays(7), DAY, EARLY_WINDOW, Map.of()));
    TrackingService tracking = fixture.trackingWorker("tracker-1");
    Instant first = fixture.clock.instant();
    fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.ofMinutes(50));
    fixture.labelledShipment(2, CarrierCode.FEDEX, 1);

    for (int day = 1; day <= 6; day++) {
      Instant due = fixture.tasks.get(TaskKind.TRACK_ORDER, 1).runAt();
      fixture.clock.set(day % 2 == 0 ? due.plus(Duration.ofMinutes(20)) : due);
      assertThat(tracking.trackDueOrders()).as("day %d: order 2 rides along, 50 or 30 minutes early", day)
          .isEqualTo(2);
    }

    assertThat(fixture.fedex.trackBatches()).hasSize(6).allSatisfy(batch -> assertThat(batch).hasSize(2));
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 1).runAt()).isEqualTo(first.plus(DAY.multipliedBy(7)));
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 2).runAt())
        .isEqualTo(first.plus(Duration.ofMinutes(50)).plus(DAY.multipliedBy(7)));
  }

  @Test
  void givenARunLateByMoreThanADay_theNextRunIsTheOrdersNextDailyTimeAfterIt() {
    TrackingSchedule schedule = new TrackingSchedule(DAY, Duration.ofHours(4));
    Instant due = Instant.parse("2026-01-10T07:13:00Z");

    assertThat(schedule.runAfter(due, due.minus(Duration.ofMinutes(40)))).isEqualTo(due.plus(DAY));
    assertThat(schedule.runAfter(due, due.plus(Duration.ofMinutes(59)))).isEqualTo(due.plus(DAY));
    assertThat(schedule.runAfter(due, due.plus(DAY))).isEqualTo(due.plus(DAY.multipliedBy(2)));
    assertThat(schedule.runAfter(due, due.plus(Duration.ofDays(3)).plus(Duration.ofHours(5))))
        .isEqualTo(due.plus(DAY.multipliedBy(4)));
  }
}

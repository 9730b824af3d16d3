package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.INITIAL_BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Steady state: orders come due one by one through the day. A run fills the calls its due orders need
 * with orders due within the early window on the same carrier, never earlier, and each early order
 * keeps its daily time. No spread here, so every order is due exactly a day after its label.
 */
class TrackingBatchWindowTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration EARLY_WINDOW = Duration.ofHours(1);

  private final ShippingFixture fixture = new ShippingFixture(new WorkSettings(10, Duration.ofMinutes(5),
      new RetryBackoff(INITIAL_BACKOFF, Duration.ofHours(1), 2.0, 0.2, () -> 0.0), DAY, Duration.ZERO,
      Duration.ofDays(60), DAY, 200, Duration.ofDays(7), DAY, EARLY_WINDOW, Map.of()));
  private final TrackingService tracking = fixture.trackingWorker("tracker-1");

  @Test
  void ordersDueWithinTheWindowFillTheCallTheDueOrderNeedsAnyway() {
    Instant first = fixture.clock.instant();
    for (long order = 1; order <= 31; order++) {
      fixture.labelledShipment(order, CarrierCode.FEDEX, 1);
      fixture.clock.advance(Duration.ofMinutes(1));
    }
    fixture.clock.advance(Duration.between(fixture.clock.instant(), first.plus(DAY)));

    assertThat(tracking.trackDueOrders()).as("order 1 is due, 29 more fill its call").isEqualTo(30);

    assertThat(fixture.fedex.trackBatches()).extracting(List::size).containsExactly(30);
    StoredTask early = fixture.tasks.get(TaskKind.TRACK_ORDER, 30);
    assertThat(early.runAt()).as("tracked 29 minutes early, it keeps its daily time")
        .isEqualTo(first.plus(Duration.ofMinutes(29)).plus(DAY).plus(DAY));
    StoredTask left = fixture.tasks.get(TaskKind.TRACK_ORDER, 31);
    assertThat(left.state()).isEqualTo(StoredTask.State.WAITING);
    assertThat(left.runAt()).as("no room left: handed back, due at its own time")
        .isEqualTo(first.plus(Duration.ofMinutes(30)).plus(DAY));
    assertThat(left.attempts()).isZero();
  }

  @Test
  void noOrderIsTrackedMoreThanTheWindowEarly() {
    Instant first = fixture.clock.instant();
    fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.clock.advance(EARLY_WINDOW);
    fixture.labelledShipment(2, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.ofMinutes(1));
    fixture.labelledShipment(3, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.between(fixture.clock.instant(), first.plus(DAY)));

    assertThat(tracking.trackDueOrders()).isEqualTo(2);

    List<TrackingNumber> asked = fixture.fedex.trackBatches().get(0);
    assertThat(asked).hasSize(2).doesNotContain(fixture.shipments.all().stream()
        .filter(s -> s.orderId().value() == 3).findFirst().orElseThrow().parcels().get(0).trackingNumber());
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 3).runAt())
        .isEqualTo(first.plus(EARLY_WINDOW).plus(Duration.ofMinutes(1)).plus(DAY));
  }

  @Test
  void ordersDueSoonAreNotTrackedWhileNothingIsDue() {
    Instant first = fixture.clock.instant();
    fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.ofMinutes(5));
    fixture.labelledShipment(2, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.between(fixture.clock.instant(), first.plus(DAY).minus(Duration.ofMinutes(1))));

    assertThat(tracking.trackDueOrders()).isZero();
    assertThat(fixture.fedex.trackBatches()).isEmpty();
  }

  @Test
  void earlyOrdersOnlyRideOnTheirOwnCarriersCalls() {
    Instant first = fixture.clock.instant();
    fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.ofMinutes(5));
    fixture.labelledShipment(2, CarrierCode.USPS, 1);
    fixture.clock.advance(Duration.between(fixture.clock.instant(), first.plus(DAY)));

    assertThat(tracking.trackDueOrders()).isEqualTo(1);
    assertThat(fixture.usps.trackBatches()).isEmpty();
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 2).runAt()).isEqualTo(first.plus(Duration.ofMinutes(5)).plus(DAY));
  }
}

package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.INITIAL_BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tracking budget: never more calls to a carrier in an hour than its budget (counted over every instance
 * that shares the store), the orders due longest first, the rest left due and reported as backlog, and no
 * call the carrier has said it will refuse.
 * FedEx may make 2 tracking calls an hour here (30 numbers each); every order is due a day after its label.
 */
class TrackingQuotaTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final ShippingFixture fixture = new ShippingFixture(new WorkSettings(10, Duration.ofMinutes(5),
      new RetryBackoff(INITIAL_BACKOFF, HOUR, 2.0, 0.2, () -> 0.0), DAY, Duration.ZERO, Duration.ofDays(60), DAY, 200,
      Duration.ofDays(7), DAY, Duration.ZERO, Map.of(CarrierCode.FEDEX, 2)));
  private final TrackingService tracking = fixture.trackingWorker("tracker-1");
  private final Instant start = fixture.clock.instant();

  @Test
  void dueOrdersBeyondTheHourlyBudgetWaitAsBacklogAndGoWhenTheBudgetAllows() {
    for (long order = 1; order <= 3; order++) {
      fixture.labelledShipment(order, CarrierCode.FEDEX, 30);
    }
    fixture.labelledShipment(4, CarrierCode.USPS, 2);
    moveTo(start.plus(DAY));

    assertThat(tracking.trackDueOrders()).isEqualTo(3);

    assertThat(fixture.fedex.trackBatches()).hasSize(2);
    assertThat(fixture.usps.trackBatches()).as("another carrier's budget is its own").hasSize(1);
    StoredTask waiting = fixture.tasks.get(TaskKind.TRACK_ORDER, 3);
    assertThat(waiting.state()).isEqualTo(StoredTask.State.WAITING);
    assertThat(waiting.attempts()).as("waiting for budget is no failed attempt").isZero();
    assertThat(tracking.backlog()).containsEntry(CarrierCode.FEDEX, 1).containsEntry(CarrierCode.USPS, 0);

    moveTo(start.plus(DAY).plus(Duration.ofMinutes(59)));
    assertThat(tracking.trackDueOrders()).isZero();
    assertThat(fixture.fedex.trackBatches()).as("still inside the hour").hasSize(2);

    moveTo(start.plus(DAY).plus(HOUR));
    assertThat(tracking.trackDueOrders()).isEqualTo(1);
    assertThat(fixture.fedex.trackBatches()).hasSize(3);
    assertThat(tracking.backlog()).containsEntry(CarrierCode.FEDEX, 0);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 3).runAt()).isAfter(start.plus(DAY).plus(HOUR));
  }

  @Test
  void theOrderDueLongestGoesFirstWhenTheBudgetIsShort() {
    fixture.labelledShipment(1, CarrierCode.FEDEX, 30);
    fixture.labelledShipment(2, CarrierCode.FEDEX, 30);
    moveTo(start.plus(Duration.ofMinutes(10)));
    fixture.labelledShipment(3, CarrierCode.FEDEX, 30);
    moveTo(start.plus(Duration.ofMinutes(20)));
    fixture.labelledShipment(4, CarrierCode.FEDEX, 30);
    moveTo(start.plus(DAY).plus(Duration.ofMinutes(20)));
    tracking.trackDueOrders();
    assertThat(ordersTracked()).containsExactly(1L, 2L);

    moveTo(start.plus(DAY).plus(Duration.ofMinutes(20)).plus(HOUR));
    tracking.trackDueOrders();

    assertThat(ordersTracked()).as("order 3 fell due before order 4").containsExactly(1L, 2L, 3L, 4L);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 3).state()).isEqualTo(StoredTask.State.WAITING);
  }

  @Test
  void twoInstancesSharingTheStore_shareOneBudget() {
    TrackingService otherInstance = fixture.trackingWorker("tracker-2");
    fixture.labelledShipment(1, CarrierCode.FEDEX, 30);
    fixture.labelledShipment(2, CarrierCode.FEDEX, 30);
    moveTo(start.plus(Duration.ofMinutes(10)));
    fixture.labelledShipment(3, CarrierCode.FEDEX, 30);
    moveTo(start.plus(DAY));
    assertThat(tracking.trackDueOrders()).isEqualTo(2);
    assertThat(fixture.fedex.trackBatches()).hasSize(2);

    moveTo(start.plus(DAY).plus(Duration.ofMinutes(10)));
    assertThat(otherInstance.trackDueOrders()).as("the hour's 2 calls are spent, whoever made them").isZero();

    assertThat(fixture.fedex.trackBatches()).hasSize(2);
    assertThat(otherInstance.backlog()).containsEntry(CarrierCode.FEDEX, 1);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 3).attempts()).isZero();

    moveTo(start.plus(DAY).plus(HOUR));
    assertThat(otherInstance.trackDueOrders()).isEqualTo(1);
    assertThat(fixture.fedex.trackBatches()).hasSize(3);
  }

  @Test
  void noCallGoesToACarrierThatSaidItRefusesUntilLater() {
    fixture.labelledShipment(1, CarrierCode.FEDEX, 1);
    moveTo(start.plus(Duration.ofMinutes(5)));
    fixture.labelledShipment(2, CarrierCode.FEDEX, 1);
    fixture.fedex.nextTrackRefusedForQuota(Duration.ofMinutes(30));
    moveTo(start.plus(DAY));
    tracking.trackDueOrders();
    assertThat(fixture.fedex.trackBatches()).hasSize(1);

    moveTo(start.plus(DAY).plus(Duration.ofMinutes(5)));
    tracking.trackDueOrders();

    assertThat(fixture.fedex.trackBatches()).as("refused until 30 minutes later: no call").hasSize(1);
    assertThat(fixture.tasks.get(TaskKind.TRACK_ORDER, 2).attempts()).isZero();
    assertThat(tracking.backlog()).containsEntry(CarrierCode.FEDEX, 1);
  }

  private List<Long> ordersTracked() {
    Map<Object, Long> orderOf = new java.util.HashMap<>();
    fixture.shipments.all().forEach(s -> s.parcels().forEach(p -> orderOf.put(p.trackingNumber(), s.orderId().value())));
    return fixture.fedex.trackBatches().stream().flatMap(List::stream).map(orderOf::get).distinct().toList();
  }

  private void moveTo(Instant at) {
    fixture.clock.advance(Duration.between(fixture.clock.instant(), at));
  }
}

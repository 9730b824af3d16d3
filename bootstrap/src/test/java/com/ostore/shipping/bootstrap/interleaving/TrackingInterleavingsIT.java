package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracking run and the order of events under the interleavings a review found, each driven step
 * by step over the real database.
 */
class TrackingInterleavingsIT {
  /** Past an order's first tracking run, due a day after its label (give or take half the 4 h spread). */
  private static final Duration NEXT_TRACKING_DAY = Duration.ofDays(1).plusHours(3);
  private static final OffsetDateTime SCANNED = OffsetDateTime.of(2026, 1, 5, 16, 30, 0, 0, ZoneOffset.ofHours(-5));

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void givenASecondShipmentOfTheOrderIsLabelledDuringATrackingRun_whenTheFirstIsDelivered_thenTheSecondIsTracked()
      throws Exception {
    PausingCarrier carrier = new PausingCarrier(fedex);
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(carrier).start());
    Shipment first = labelled(service, 801);
    fedex.scans(trackingNumber(first), scan(TrackingEventType.DELIVERED, "DL", SCANNED));
    clock.advance(NEXT_TRACKING_DAY);

    Pause tracking = carrier.pauseNextTrack();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(service.core().tracking()::trackDueOrders);
    tracking.awaitReached();
    Shipment second = labelled(service, 801);
    fedex.scans(trackingNumber(second), scan(TrackingEventType.DELIVERED, "DL", SCANNED.plusHours(20)));
    tracking.release();
    run.get(30, TimeUnit.SECONDS);
    assertThat(status(service, first)).isEqualTo(ShipmentStatus.DELIVERED);

    clock.advance(NEXT_TRACKING_DAY);
    service.core().tracking().trackDueOrders();

    assertThat(status(service, second)).as("the order's second shipment").isEqualTo(ShipmentStatus.DELIVERED);
  }

  @Test
  void givenAScanWrittenBeforeACancellationCommitsAfterIt_thenConsumersStillGetTheScanBeforeTheCancellation()
      throws Exception {
    RecordingEventPublisher broker = new RecordingEventPublisher();
    AtomicReference<PausingOutbox> outbox = new AtomicReference<>();
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(fedex).publisher(broker)
        .outbox(real -> {
          outbox.set(new PausingOutbox(real));
          return outbox.get();
        }).start());
    Shipment shipment = labelled(service, 802);
    relayEverything(service);
    fedex.scans(trackingNumber(shipment), scan(TrackingEventType.UNKNOWN, "ZZ", SCANNED));
    clock.advance(NEXT_TRACKING_DAY);

    Pause scanWritten = outbox.get().pauseAfterAppending("unknown");
    CompletableFuture<Integer> tracking = CompletableFuture.supplyAsync(service.core().tracking()::trackDueOrders);
    scanWritten.awaitReached();
    CompletableFuture<Shipment> cancel =
        CompletableFuture.supplyAsync(() -> service.core().cancelShipment().cancelShipment(shipment.id()));
    await().atMost(Duration.ofSeconds(30)).until(() -> cancel.isDone() || service.lockWaits() > 0);
    relayEverything(service);
    scanWritten.release();
    tracking.get(30, TimeUnit.SECONDS);
    cancel.get(30, TimeUnit.SECONDS);
    relayEverything(service);

    assertThat(broker.published()).filteredOn(event -> event.orderId().value() == 802)
        .extracting(ShipmentEvent::eventType).containsExactly("label_created", "unknown", "cancelled");
  }

  private static void relayEverything(CoreOnDatabase service) {
    while (service.core().relay().relayPendingEvents() > 0) {
      // the next batch
    }
  }

  private static Shipment labelled(CoreOnDatabase service, long orderId) {
    Shipment created = service.core().createShipment().createShipment(
        CreateShipmentCommand.of(OrderId.of(orderId), ShippingAddress.parse(US_ADDRESS)));
    service.core().labelWork().processDueLabelTasks();
    return service.core().getShipment().getShipment(created.id());
  }

  private static TrackingNumber trackingNumber(Shipment shipment) {
    return shipment.parcels().get(0).trackingNumber();
  }

  private static ShipmentStatus status(CoreOnDatabase service, Shipment shipment) {
    return service.core().getShipment().getShipment(shipment.id()).status();
  }

  private static CarrierScan scan(TrackingEventType type, String code, OffsetDateTime at) {
    return new CarrierScan(type, at, "Memphis, TN, US", code, "scan " + code, Map.of());
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }
}

package com.ostore.shipping.application.testing;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.application.service.CarrierGateways;
import com.ostore.shipping.application.service.CreateShipmentService;
import com.ostore.shipping.application.service.IdempotentCreateShipmentService;
import com.ostore.shipping.application.service.LabelTaskService;
import com.ostore.shipping.application.service.OutboxRelayService;
import com.ostore.shipping.application.service.RetryBackoff;
import com.ostore.shipping.application.service.ShippingPreferences;
import com.ostore.shipping.application.service.StaleWorkAlertService;
import com.ostore.shipping.application.service.StoragePorts;
import com.ostore.shipping.application.service.TrackingService;
import com.ostore.shipping.application.service.WorkSettings;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The application services wired to in-memory fakes and a clock the test moves. Backoff has no
 * jitter here, so attempt n waits exactly {@code 10 s * 2^(n-1)} (capped at 1 h).
 */
public final class ShippingFixture {
  public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(10);
  public static final ParcelRequest DEFAULT_PARCEL =
      new ParcelRequest(Weight.pounds("2.5"), Dimensions.parse("12x8x4 in"));
  public static final ShippingPreferences PREFERENCES = new ShippingPreferences(CarrierCode.FEDEX,
      Map.of(CarrierCode.FEDEX, "FEDEX_GROUND", CarrierCode.USPS, "USPS_GROUND_ADVANTAGE"), DEFAULT_PARCEL,
      LabelFormat.PDF);

  public final MutableClock clock = new MutableClock(ShipmentTestData.T0);
  /** The queue's leases follow the same clock as the services, as if the database's clock were the test's. */
  public final InMemoryTaskQueue tasks = new InMemoryTaskQueue(clock);
  public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
  public final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository(tasks, idempotencyKeys);
  public final InMemoryTrackingCallLedger trackingCalls = new InMemoryTrackingCallLedger();
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final InMemoryTrackingEvents events = new InMemoryTrackingEvents();
  /** Alert claims, too, run out by the test's clock standing in for the database's. */
  public final InMemoryAlerts alerts = new InMemoryAlerts(clock);
  public final DirectTransactions transactions = new DirectTransactions();
  public final FakeCarrierGateway fedex = FakeCarrierGateway.fedex().withClock(clock);
  public final FakeCarrierGateway usps = FakeCarrierGateway.usps().withClock(clock);
  public final RecordingAlerter alerter = new RecordingAlerter();
  public final RecordingEventPublisher publisher = new RecordingEventPublisher();
  public final WorkSettings settings;
  public final CarrierGateways carriers;

  public ShippingFixture() {
    this(new WorkSettings(10, Duration.ofMinutes(5), new RetryBackoff(INITIAL_BACKOFF, Duration.ofHours(1), 2.0, 0.2,
        () -> 0.0), Duration.ofDays(1), Duration.ofHours(4), Duration.ofDays(60), Duration.ofDays(1), 200,
        Duration.ofDays(7), Duration.ofDays(1)));
  }

  public ShippingFixture(WorkSettings settings) {
    this.settings = settings;
    this.carriers = new CarrierGateways(List.of(fedex, usps));
  }

  public StoragePorts storage() {
    return new StoragePorts(shipments, events, outbox, tasks, alerts, transactions, idempotencyKeys, trackingCalls);
  }

  public CreateShipmentService createService() {
    return new CreateShipmentService(shipments, carriers, PREFERENCES, clock);
  }

  public IdempotentCreateShipmentService idempotentCreateService() {
    return new IdempotentCreateShipmentService(createService(), shipments, idempotencyKeys,
        settings.idempotencyKeyRetention(), clock);
  }

  public LabelTaskService labelWorker(String workerId) {
    return new LabelTaskService(storage(), carriers, alerter, PREFERENCES, settings, workerId, clock);
  }

  public TrackingService trackingWorker(String workerId) {
    return new TrackingService(storage(), carriers, alerter, settings, 100, workerId, clock);
  }

  public StaleWorkAlertService staleWorkAlerts() {
    return new StaleWorkAlertService(tasks, alerts, alerter, settings.alertAfter(), clock);
  }

  /** The relay of this instance ("relay-1"). */
  public OutboxRelayService relay() {
    return relay("relay-1");
  }

  /** A relay of another instance, on the same outbox. */
  public OutboxRelayService relay(String relayId) {
    return new OutboxRelayService(outbox, publisher, relayId, settings.relayBatchSize(), settings.relayLease(),
        settings.outboxRetention(), clock);
  }

  /** Creates a shipment through the use case and buys its labels at once, as the label worker would. */
  public Shipment labelledShipment(long orderId, CarrierCode carrier, int parcels) {
    Shipment created = createService().createShipment(new CreateShipmentCommand(OrderId.of(orderId),
        ShippingAddress.parse(ShipmentTestData.US_ADDRESS), carrier, null,
        Collections.nCopies(parcels, DEFAULT_PARCEL)));
    labelWorker("label-worker").processDueLabelTasks();
    return shipments.get(created.id());
  }
}

package com.ostore.shipping.application;

import com.ostore.shipping.application.port.in.AlertOnStaleWorkUseCase;
import com.ostore.shipping.application.port.in.CancelShipmentUseCase;
import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import com.ostore.shipping.application.port.in.ManageLeasesUseCase;
import com.ostore.shipping.application.port.in.ProcessLabelTasksUseCase;
import com.ostore.shipping.application.port.in.PurgeIdempotencyKeysUseCase;
import com.ostore.shipping.application.port.in.RefreshStoredAnswersUseCase;
import com.ostore.shipping.application.port.in.RelayEventsUseCase;
import com.ostore.shipping.application.port.in.TrackShipmentsUseCase;
import com.ostore.shipping.application.service.CancelShipmentService;
import com.ostore.shipping.application.service.CarrierGateways;
import com.ostore.shipping.application.service.CreateShipmentService;
import com.ostore.shipping.application.service.HealthService;
import com.ostore.shipping.application.service.IdempotentCreateShipmentService;
import com.ostore.shipping.application.service.LabelTaskService;
import com.ostore.shipping.application.service.LeaseService;
import com.ostore.shipping.application.service.OutboxRelayService;
import com.ostore.shipping.application.service.ShipmentQueryService;
import com.ostore.shipping.application.service.ShippingPreferences;
import com.ostore.shipping.application.service.StaleWorkAlertService;
import com.ostore.shipping.application.service.StoragePorts;
import com.ostore.shipping.application.service.TrackingService;
import com.ostore.shipping.application.service.WorkSettings;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The whole service without any framework: give it the ports (storage, carriers, publisher, alerter)
 * and it hands back every use case, ready for an HTTP layer and a scheduler of your choice. This is the
 * entry point for teams that embed the service; {@code bootstrap} uses it the same way.
 *
 * <pre>{@code
 * ShipmentTrackingCore core = new ShipmentTrackingCore(storage, List.of(fedex, usps), publisher, alerter,
 *     preferences, WorkSettings.defaults(), "worker-1", Clock.systemUTC());
 * core.createShipment().createShipment(CreateShipmentCommand.of(OrderId.of(123), ShippingAddress.parse(text)));
 * core.labelWork().processDueLabelTasks();   // call from your scheduler
 * core.leases().renewLeases();                // every third of the lease, on a thread of its own
 * }</pre>
 */
public final class ShipmentTrackingCore {
  private final CreateShipmentService createShipment;
  private final IdempotentCreateShipmentService idempotentCreate;
  private final CancelShipmentService cancelShipment;
  private final ShipmentQueryService queries;
  private final LeaseService leases;
  private final LabelTaskService labelWork;
  private final TrackingService tracking;
  private final StaleWorkAlertService staleWorkAlerts;
  private final OutboxRelayService relay;
  private final HealthService health;

  public ShipmentTrackingCore(
      StoragePorts storage, List<CarrierGateway> gateways, EventPublisher publisher, OnCallAlerter alerter,
      ShippingPreferences preferences, WorkSettings settings, String workerId, Clock wallClock) {
    // PostgreSQL keeps microseconds: every time the services hand out must read back the same.
    Clock clock = Clock.tick(wallClock, Duration.ofNanos(1_000));
    CarrierGateways carriers = new CarrierGateways(gateways);
    this.createShipment = new CreateShipmentService(storage.shipments(), carriers, preferences, clock);
    this.idempotentCreate = new IdempotentCreateShipmentService(createShipment, storage.shipments(),
        storage.idempotencyKeys(), settings.idempotencyKeyRetention(), clock);
    this.cancelShipment = new CancelShipmentService(storage, carriers, clock);
    this.queries = new ShipmentQueryService(storage.shipments(), storage.events());
    // One lease keeper for every worker of this instance: each claim renewed under its own token.
    this.leases = new LeaseService(storage.tasks(), workerId, settings.lease(), clock);
    this.labelWork = new LabelTaskService(storage, carriers, alerter, preferences, settings, leases, clock);
    this.tracking = new TrackingService(storage, carriers, alerter, settings, settings.claimBatchSize() * 20, leases,
        clock);
    this.staleWorkAlerts = new StaleWorkAlertService(storage.tasks(), storage.alerts(), alerter, settings.alertAfter(),
        clock);
    this.relay = new OutboxRelayService(storage.outbox(), publisher, workerId, settings.relayBatchSize(),
        settings.relayLease(), settings.outboxRetention(), clock);
    this.health = new HealthService(storage.tasks(), storage.outbox(), tracking::backlog);
  }

  public CreateShipmentUseCase createShipment() {
    return createShipment;
  }

  /** Creation under a caller's idempotency key: retries get the first answer, not a second shipment. */
  public IdempotentCreateShipmentUseCase idempotentCreateShipment() {
    return idempotentCreate;
  }

  /** Call from your scheduler (hourly is plenty): forgets keys older than their retention. */
  public PurgeIdempotencyKeysUseCase idempotencyKeyPurge() {
    return idempotentCreate;
  }

  /**
   * Call from your scheduler (every second or so): brings the answers stored with shipments up to date after
   * an upgrade, then does nothing until the API's answers change.
   */
  public RefreshStoredAnswersUseCase storedAnswerRefresh() {
    return queries;
  }

  public CancelShipmentUseCase cancelShipment() {
    return cancelShipment;
  }

  public GetShipmentUseCase getShipment() {
    return queries;
  }

  public ListOrderShipmentsUseCase listOrderShipments() {
    return queries;
  }

  public GetTrackingHistoryUseCase trackingHistory() {
    return queries;
  }

  public GetLabelUseCase labels() {
    return queries;
  }

  public ProcessLabelTasksUseCase labelWork() {
    return labelWork;
  }

  public TrackShipmentsUseCase tracking() {
    return tracking;
  }

  /** Lease renewal for every worker of this instance, and letting go of unstarted work at shutdown. */
  public ManageLeasesUseCase leases() {
    return leases;
  }

  public AlertOnStaleWorkUseCase staleWorkAlerts() {
    return staleWorkAlerts;
  }

  public RelayEventsUseCase relay() {
    return relay;
  }

  public CheckHealthUseCase health() {
    return health;
  }
}

package com.ostore.shipping.application.service;

import static com.ostore.shipping.application.testing.ShippingFixture.DEFAULT_PARCEL;
import static com.ostore.shipping.application.testing.ShippingFixture.INITIAL_BACKOFF;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.testing.StoredTask.State;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LabelTaskServiceTest {
  private static final long ORDER = 123;

  private final ShippingFixture fixture = new ShippingFixture();
  private final LabelTaskService worker = fixture.labelWorker("worker-1");

  @Test
  void boughtLabelsAreRecordedWithTheirEventsAndTheOrdersTracking() {
    Shipment created = createShipment(2);
    Instant boughtAt = fixture.clock.instant();

    assertThat(worker.processDueLabelTasks()).isEqualTo(1);

    Shipment shipment = fixture.shipments.get(created.id());
    assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(shipment.parcels()).extracting(Parcel::trackingNumber)
        .containsExactlyElementsOf(fixture.fedex.issuedNumbers());
    assertThat(shipment.parcels()).allSatisfy(parcel -> {
      assertThat(fixture.shipments.findLabel(parcel.id())).hasValueSatisfying(label ->
          assertThat(new String(label.content(), java.nio.charset.StandardCharsets.UTF_8)).contains(parcel.trackingNumber().value()));
      assertThat(fixture.events.findByParcel(parcel.id())).singleElement()
          .satisfies(event -> assertThat(event.type()).isEqualTo(TrackingEventType.LABEL_CREATED));
    });
    assertThat(fixture.outbox.all()).hasSize(2).allSatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("label_created");
      assertThat(event.shipmentStatus()).isEqualTo(ShipmentStatus.LABEL_CREATED);
      assertThat(event.orderId()).isEqualTo(OrderId.of(ORDER));
    });
    assertThat(fixture.outbox.all()).extracting(ShipmentEvent::parcelId)
        .containsExactlyElementsOf(shipment.parcels().stream().map(Parcel::id).toList());
    assertThat(fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value()).state()).isEqualTo(State.DONE);
    StoredTask tracking = fixture.tasks.get(TaskKind.TRACK_ORDER, ORDER);
    assertThat(tracking.state()).isEqualTo(State.WAITING);
    assertThat(tracking.runAt()).isBetween(boughtAt.plus(Duration.ofHours(22)), boughtAt.plus(Duration.ofHours(26)));
    assertThat(fixture.alerter.triggered()).isEmpty();
  }

  @Test
  void theCarrierIsAskedForTheShipmentsPackagesWithAStableReference() {
    Shipment created = createShipment(2);

    worker.processDueLabelTasks();

    LabelRequest request = fixture.fedex.purchaseRequests().get(0);
    assertThat(request.shipmentId()).isEqualTo(created.id());
    assertThat(request.reference()).isEqualTo("ostore-shipment-" + created.id());
    assertThat(request.resumingInterruptedAttempt()).isFalse();
    assertThat(request.destination()).isEqualTo(created.address().postal());
    assertThat(request.serviceType()).isEqualTo("FEDEX_GROUND");
    assertThat(request.labelFormat()).isEqualTo(LabelFormat.PDF);
    assertThat(request.parcels()).extracting(p -> p.parcelId())
        .containsExactlyElementsOf(created.parcels().stream().map(Parcel::id).toList());
  }

  @Test
  void theRecipientGivenAtCreationIsWhoTheLabelsAreAddressedTo() {
    Recipient ada = new Recipient("Ada Lovelace", null, "2125550100", null);
    Shipment created = fixture.createService().createShipment(new CreateShipmentCommand(OrderId.of(ORDER),
        ShippingAddress.parse(US_ADDRESS), ada, null, null, List.of(DEFAULT_PARCEL)));

    worker.processDueLabelTasks();

    assertThat(fixture.shipments.get(created.id()).recipient()).isEqualTo(ada);
    assertThat(fixture.fedex.purchaseRequests().get(0).recipientIfKnown()).contains(ada);
  }

  @Test
  void aShipmentWithoutRecipientAsksForLabelsWithoutOne() {
    createShipment(1);

    worker.processDueLabelTasks();

    assertThat(fixture.fedex.purchaseRequests().get(0).recipientIfKnown()).isEmpty();
  }

  @Test
  void aCarrierOutageIsRetriedWithADelayThatDoublesPerAttempt() {
    Shipment created = createShipment(1);
    for (int i = 0; i < 4; i++) {
      fixture.fedex.nextPurchaseUnavailable(null);
    }

    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(worker.processDueLabelTasks()).isEqualTo(1);
      Duration wait = INITIAL_BACKOFF.multipliedBy(1L << (attempt - 1));
      StoredTask task = fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value());
      assertThat(task.attempts()).isEqualTo(attempt);
      assertThat(task.runAt()).isEqualTo(fixture.clock.instant().plus(wait));
      assertThat(task.lastError()).contains("503");

      fixture.clock.advance(wait.minusMillis(1));
      assertThat(worker.processDueLabelTasks()).as("not due before its backoff ends").isZero();
      fixture.clock.advance(Duration.ofMillis(1));
    }
    assertThat(worker.processDueLabelTasks()).isEqualTo(1);

    assertThat(fixture.shipments.get(created.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(fixture.fedex.purchaseRequests()).hasSize(5)
        .extracting(LabelRequest::reference).containsOnly("ostore-shipment-" + created.id());
    assertThat(fixture.alerter.triggered()).isEmpty();
  }

  @Test
  void aUspsPurchaseSendsTheKeyStoredWhenItFirstStartedOnEveryRetryAndKeepsTheOneItsLabelWasBoughtUnder() {
    Shipment shipment = fixture.createService().createShipment(new CreateShipmentCommand(OrderId.of(ORDER),
        ShippingAddress.parse(US_ADDRESS), CarrierCode.USPS, null, List.of(DEFAULT_PARCEL, DEFAULT_PARCEL)));
    fixture.usps.nextPurchaseUnavailable(null);

    worker.processDueLabelTasks();
    fixture.clock.advance(INITIAL_BACKOFF);
    worker.processDueLabelTasks();

    List<LabelRequest> attempts = fixture.usps.purchaseRequests();
    assertThat(attempts).hasSize(2);
    List<PurchaseKey> first = attempts.get(0).parcels().stream().map(ParcelSpec::purchaseKey).toList();
    assertThat(first).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(attempts.get(1).parcels()).extracting(ParcelSpec::purchaseKey).containsExactlyElementsOf(first);
    assertThat(shipment.parcels()).extracting(p -> fixture.shipments.purchaseKey(p.id()).orElseThrow())
        .containsExactlyElementsOf(first);
    assertThat(fixture.shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
  }

  @Test
  void aFedexPurchaseCarriesNoPurchaseKey() {
    fixture.createService().createShipment(CreateShipmentCommand.of(OrderId.of(ORDER), ShippingAddress.parse(US_ADDRESS)));

    worker.processDueLabelTasks();

    assertThat(fixture.fedex.purchaseRequests().get(0).parcels()).extracting(ParcelSpec::purchaseKey).containsOnlyNulls();
  }

  @Test
  void aLongerRetryAfterFromTheCarrierIsRespected() {
    Shipment created = createShipment(1);
    fixture.fedex.nextPurchaseUnavailable(Duration.ofMinutes(5));

    worker.processDueLabelTasks();

    assertThat(fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value()).runAt())
        .isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(5)));
    fixture.clock.advance(Duration.ofMinutes(4));
    assertThat(worker.processDueLabelTasks()).isZero();
    fixture.clock.advance(Duration.ofMinutes(1));
    assertThat(worker.processDueLabelTasks()).isEqualTo(1);
    assertThat(fixture.shipments.get(created.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
  }

  @Test
  void aShorterRetryAfterThanTheBackoffIsNotUsed() {
    Shipment created = createShipment(1);
    fixture.fedex.nextPurchaseUnavailable(Duration.ofSeconds(1));

    worker.processDueLabelTasks();

    assertThat(fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value()).runAt())
        .isEqualTo(fixture.clock.instant().plus(INITIAL_BACKOFF));
  }

  @Test
  void aRefusalOfTheShipmentsOwnDataFailsItWithTheCarriersReasonWithoutPagingOnCall() {
    Shipment created = createShipment(2);
    fixture.fedex.nextPurchaseRejected("Recipient postal code is invalid");

    worker.processDueLabelTasks();
    fixture.clock.advance(Duration.ofDays(2));
    assertThat(worker.processDueLabelTasks()).as("abandoned work does not run again").isZero();

    Shipment shipment = fixture.shipments.get(created.id());
    assertThat(shipment.status()).isEqualTo(ShipmentStatus.FAILED);
    assertThat(shipment.failureReasonIfFailed()).hasValueSatisfying(r -> assertThat(r).contains("Recipient postal code is invalid"));
    assertThat(fixture.outbox.all()).singleElement().satisfies(event -> {
      assertThat(event.eventType()).isEqualTo("failed");
      assertThat(event.parcelIdIfAny()).isEmpty();
      assertThat(event.shipmentStatus()).isEqualTo(ShipmentStatus.FAILED);
      assertThat(event.details().get("reason")).contains("Recipient postal code is invalid");
    });
    StoredTask task = fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value());
    assertThat(task.state()).isEqualTo(State.ABANDONED);
    assertThat(fixture.alerter.triggered()).as("the caller fixes its data; on-call is not paged").isEmpty();
    assertThat(fixture.tasks.find(TaskKind.TRACK_ORDER, ORDER)).isEmpty();
    assertThat(fixture.shipments.labelCount()).isZero();
    assertThat(fixture.fedex.purchaseRequests()).hasSize(1);
  }

  @Test
  void anAccountRefusalLeavesTheShipmentsPendingPagesOnceAndPausesTheCarrierUntilOneProbeSucceeds() {
    Shipment first = createShipment(1);
    Shipment second = createShipment(1);
    fixture.fedex.nextPurchaseAccountRefused("fedex:account:ACCOUNTNUMBER.SUSPENDED");

    assertThat(worker.processDueLabelTasks()).isEqualTo(2);

    assertThat(fixture.fedex.purchaseRequests()).as("the second shipment waits for the probe").hasSize(1);
    assertThat(fixture.shipments.get(first.id()).status()).isEqualTo(ShipmentStatus.PENDING);
    assertThat(fixture.shipments.get(second.id()).status()).isEqualTo(ShipmentStatus.PENDING);
    assertThat(fixture.outbox.all()).as("nothing for the caller to fix").isEmpty();
    assertThat(fixture.alerter.triggered()).singleElement().satisfies(alert -> {
      assertThat(alert.dedupKey()).isEqualTo("fedex:account:ACCOUNTNUMBER.SUSPENDED");
      assertThat(alert.severity()).isEqualTo(OnCallAlert.Severity.CRITICAL);
    });
    fixture.clock.advance(LabelTaskService.ACCOUNT_PROBE_INTERVAL.minusSeconds(1));
    assertThat(worker.processDueLabelTasks()).as("paused until the probe is due").isZero();

    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(worker.processDueLabelTasks()).isEqualTo(2);

    assertThat(fixture.shipments.get(first.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(fixture.shipments.get(second.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(fixture.fedex.purchaseRequests()).hasSize(3);
    assertThat(fixture.alerter.triggered()).hasSize(1);
    assertThat(fixture.alerter.resolved()).containsExactly("fedex:account:ACCOUNTNUMBER.SUSPENDED");
  }

  @Test
  void workWhoseWorkerDiedIsResumedAfterItsLeaseAndEndsWithOneSetOfLabels() {
    Shipment created = createShipment(3);
    Claim dead = fixture.tasks.claim(Set.of(TaskKind.CREATE_LABELS), 1, "dead-worker", fixture.clock.instant(),
        fixture.settings.lease()).get(0);

    fixture.clock.advance(fixture.settings.lease().minusSeconds(1));
    assertThat(worker.processDueLabelTasks()).as("the lease still holds").isZero();
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(worker.processDueLabelTasks()).isEqualTo(1);

    assertThat(fixture.fedex.purchaseRequests()).singleElement()
        .satisfies(request -> assertThat(request.resumingInterruptedAttempt()).isTrue());
    Shipment shipment = fixture.shipments.get(created.id());
    assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(shipment.parcels()).extracting(Parcel::trackingNumber).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(fixture.shipments.labelCount()).isEqualTo(3);
    assertThat(fixture.outbox.ofType("label_created")).hasSize(3);
    assertThat(fixture.tasks.complete(dead, fixture.clock.instant()))
        .as("the dead worker lost its lease").isFalse();
    assertThat(fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value()).state()).isEqualTo(State.DONE);
  }

  @Test
  void workForAShipmentNoLongerPendingIsAcknowledgedWithoutCallingTheCarrier() {
    Shipment created = createShipment(1);
    fixture.shipments.update(created.cancelled(fixture.clock.instant()));

    assertThat(worker.processDueLabelTasks()).isEqualTo(1);

    assertThat(fixture.fedex.purchaseRequests()).isEmpty();
    assertThat(fixture.tasks.get(TaskKind.CREATE_LABELS, created.id().value()).state()).isEqualTo(State.DONE);
  }

  @Test
  void aLabelForEveryPendingShipmentIsBoughtWithItsOwnCarrier() {
    Shipment byFedex = createShipment(1);
    Shipment byUsps = fixture.createService().createShipment(new CreateShipmentCommand(OrderId.of(456),
        ShippingAddress.parse(US_ADDRESS), CarrierCode.USPS, null, null));

    assertThat(worker.processDueLabelTasks()).isEqualTo(2);

    assertThat(fixture.fedex.purchaseRequests()).extracting(LabelRequest::shipmentId).containsExactly(byFedex.id());
    assertThat(fixture.usps.purchaseRequests()).extracting(LabelRequest::shipmentId).containsExactly(byUsps.id());
    assertThat(fixture.shipments.get(byUsps.id()).serviceType()).isEqualTo("USPS_GROUND_ADVANTAGE");
  }

  @Test
  void givenOneTaskOfABatchFailingPastAllHandling_thenTheRestOfTheBatchIsDoneAndTheFailedOneIsLetGoForItsLeaseToRunOut() {
    Shipment unreadable = createShipment(1);
    Shipment fine = createShipment(1);
    AtomicBoolean lineCut = new AtomicBoolean(true);
    // The database connection breaks for the first read of one shipment: even the retry cannot be recorded.
    ShipmentRepository shipments = (ShipmentRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ShipmentRepository.class}, (proxy, method, args) -> {
          if (method.getName().equals("findById") && unreadable.id().equals(args[0]) && lineCut.getAndSet(false)) {
            throw new IllegalStateException("An I/O error occurred while sending to the backend");
          }
          try {
            return method.invoke(fixture.shipments, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    StoragePorts storage = new StoragePorts(shipments, fixture.events, fixture.outbox, fixture.tasks, fixture.alerts,
        fixture.transactions, fixture.idempotencyKeys, fixture.trackingCalls);
    LabelTaskService cutOff = new LabelTaskService(storage, fixture.carriers, fixture.alerter,
        ShippingFixture.PREFERENCES, fixture.settings, "worker-1", fixture.clock);

    assertThat(cutOff.processDueLabelTasks()).isEqualTo(2);

    assertThat(fixture.shipments.get(fine.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(fixture.shipments.get(unreadable.id()).status()).isEqualTo(ShipmentStatus.PENDING);
    fixture.clock.advance(fixture.settings.lease().plusSeconds(1));
    cutOff.renewLeases();
    assertThat(cutOff.processDueLabelTasks()).as("claimed again once its lease ran out").isEqualTo(1);
    assertThat(fixture.shipments.get(unreadable.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
  }

  private Shipment createShipment(int parcels) {
    return fixture.createService().createShipment(new CreateShipmentCommand(OrderId.of(ORDER),
        ShippingAddress.parse(US_ADDRESS), null, null, Collections.nCopies(parcels, DEFAULT_PARCEL)));
  }
}

package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.bootstrap.ForwardingOutbox;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two service instances relaying one outbox to one broker, one of them stopped while its batch is out:
 * nothing of the database is held meanwhile, the other instance sends nothing until the batch is done or
 * the lease of the one stopped has run out, and then it sends the whole batch again in order.
 */
class RelayInterleavingsIT {
  private static final ParcelRequest PARCEL = new ParcelRequest(Weight.pounds("2"), null);

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final RecordingEventPublisher broker = new RecordingEventPublisher();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void whileOneInstanceWaitsForTheBroker_noTransactionIsOpen_noLockIsHeld_andTheOtherInstanceSendsNothing()
      throws Exception {
    PausingPublisher slowBroker = new PausingPublisher(broker);
    CoreOnDatabase first = open(CoreOnDatabase.on(database, clock).worker("instance-1").carriers(FakeCarrierGateway.fedex())
        .publisher(slowBroker).start());
    CoreOnDatabase second = open(CoreOnDatabase.on(database, clock).worker("instance-2").publisher(broker).start());
    List<UUID> labelEvents = labelledWithThreePackages(first, 901);

    Pause waitingForTheBroker = slowBroker.pauseNextPublish();
    CompletableFuture<Integer> firstRelay = CompletableFuture.supplyAsync(first.core().relay()::relayPendingEvents);
    waitingForTheBroker.awaitReached();

    assertThat(first.openTransactions()).as("transactions open while the batch is out").isZero();
    assertThat(first.advisoryLocks()).as("advisory locks held while the batch is out").isZero();
    assertThat(second.core().relay().relayPendingEvents()).isZero();
    assertThat(broker.published()).isEmpty();
    waitingForTheBroker.release();
    assertThat(firstRelay.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(second.core().relay().relayPendingEvents()).isZero();

    assertThat(broker.published()).extracting(ShipmentEvent::eventId).containsExactlyElementsOf(labelEvents);
  }

  @Test
  void whileAFullBatchWaitsForItsAcknowledgements_theNextIsReadButNotSent_noTransactionOrLockIsHeld_andOrderHolds()
      throws Exception {
    PausingPublisher slowAcknowledgements = new PausingPublisher(broker);
    List<List<UUID>> readWhileOut = new CopyOnWriteArrayList<>();
    CoreOnDatabase first = open(CoreOnDatabase.on(database, clock).worker("instance-1")
        .carriers(FakeCarrierGateway.fedex()).publisher(slowAcknowledgements).relayBatchSize(2)
        .outbox(outbox -> new ForwardingOutbox(outbox) {
          @Override
          public Optional<List<ShipmentEvent>> claimNext(String relayId, Collection<UUID> sentBefore,
              Collection<UUID> atTheBroker, Instant sentAt, int limit, Duration lease) {
            Optional<List<ShipmentEvent>> batch = outbox.claimNext(relayId, sentBefore, atTheBroker, sentAt, limit, lease);
            if (!atTheBroker.isEmpty()) {
              readWhileOut.add(batch.orElse(List.of()).stream().map(ShipmentEvent::eventId).toList());
            }
            return batch;
          }
        }).start());
    CoreOnDatabase second = open(CoreOnDatabase.on(database, clock).worker("instance-2").publisher(broker).start());
    List<UUID> labelEvents = labelledWithThreePackages(first, 903);

    Pause acknowledgements = slowAcknowledgements.pauseNextAcknowledgement();
    CompletableFuture<Integer> firstRelay = CompletableFuture.supplyAsync(first.core().relay()::relayPendingEvents);
    acknowledgements.awaitReached();

    assertThat(first.openTransactions()).as("transactions open while the acknowledgements are awaited").isZero();
    assertThat(first.advisoryLocks()).as("advisory locks held meanwhile").isZero();
    assertThat(second.core().relay().relayPendingEvents()).as("the other instance, meanwhile").isZero();
    assertThat(readWhileOut).as("the batch read while the first was out").containsExactly(labelEvents.subList(2, 3));
    assertThat(first.unsentEventIds()).as("nothing marked sent before the broker answered")
        .containsExactlyElementsOf(labelEvents);
    assertThat(broker.published()).isEmpty();
    acknowledgements.release();
    assertThat(firstRelay.get(30, TimeUnit.SECONDS)).isEqualTo(3);

    assertThat(broker.published()).extracting(ShipmentEvent::eventId).containsExactlyElementsOf(labelEvents);
    assertThat(first.unsentEventIds()).isEmpty();
    assertThat(second.core().relay().relayPendingEvents()).isZero();
  }

  @Test
  void givenAnInstanceStoppedWithItsBatchOut_whenItsLeaseRunsOut_thenTheOtherSendsTheBatchInOrder_andLateSendsOnlyRepeat()
      throws Exception {
    PausingPublisher stalledBroker = new PausingPublisher(broker);
    CoreOnDatabase stopped = open(CoreOnDatabase.on(database, clock).worker("instance-1")
        .carriers(FakeCarrierGateway.fedex()).publisher(stalledBroker).relayLease(Duration.ofSeconds(2)).start());
    CoreOnDatabase other = open(CoreOnDatabase.on(database, clock).worker("instance-2").publisher(broker).start());
    List<UUID> labelEvents = labelledWithThreePackages(stopped, 902);
    Pause stalled = stalledBroker.pauseNextPublish();
    CompletableFuture<Integer> stoppedRelay = CompletableFuture.supplyAsync(stopped.core().relay()::relayPendingEvents);
    stalled.awaitReached();

    assertThat(other.core().relay().relayPendingEvents()).as("while the lease runs").isZero();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> other.core().relay().relayPendingEvents() > 0);
    List<UUID> sentByTheOther = broker.published().stream().map(ShipmentEvent::eventId).toList();
    stalled.release();
    stoppedRelay.get(30, TimeUnit.SECONDS);

    assertThat(sentByTheOther).containsExactlyElementsOf(labelEvents);
    assertThat(broker.published()).extracting(ShipmentEvent::eventId).as("what reached the broker")
        .containsExactlyElementsOf(List.of(labelEvents.get(0), labelEvents.get(1), labelEvents.get(2),
            labelEvents.get(0), labelEvents.get(1), labelEvents.get(2)));
    assertThat(broker.published().stream().map(ShipmentEvent::eventId).distinct())
        .as("what a consumer dropping repeats by eventId keeps").containsExactlyElementsOf(labelEvents);
    assertThat(stopped.core().relay().relayPendingEvents()).isZero();
  }

  /** A shipment of three packages on {@code instance}, labelled: three label_created events of one order. */
  private static List<UUID> labelledWithThreePackages(CoreOnDatabase instance, long orderId) {
    instance.core().createShipment().createShipment(new CreateShipmentCommand(OrderId.of(orderId),
        ShippingAddress.parse(US_ADDRESS), CarrierCode.FEDEX, null, List.of(PARCEL, PARCEL, PARCEL)));
    instance.core().labelWork().processDueLabelTasks();
    return instance.unsentEventIds();
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }
}

package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.application.testing.InMemoryOutbox;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.EventPublisher;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutboxRelayServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final OutboxRelayService relay = fixture.relay();

  @Test
  void unsentEventsArePublishedInTheOrderTheyWereWritten() {
    List<ShipmentEvent> events = appendEvents(5);

    assertThat(relay.relayPendingEvents()).isEqualTo(5);

    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
    assertThat(fixture.outbox.countUnsent()).isZero();
    assertThat(relay.relayPendingEvents()).as("nothing is sent twice").isZero();
    assertThat(fixture.publisher.published()).hasSize(5);
  }

  @Test
  void onlyAcknowledgedEventsAreMarkedSentAndTheRestGoOutOnTheNextRun() {
    List<ShipmentEvent> events = appendEvents(5);
    Set<UUID> refused = Set.of(events.get(2).eventId(), events.get(3).eventId());
    fixture.publisher.acknowledgeOnly(e -> !refused.contains(e.eventId()));

    assertThat(relay.relayPendingEvents()).isEqualTo(3);
    assertThat(fixture.outbox.unsent(10)).containsExactly(events.get(2), events.get(3));

    fixture.publisher.acknowledgeAll();
    assertThat(relay.relayPendingEvents()).isEqualTo(2);

    assertThat(fixture.publisher.published().subList(5, 7)).containsExactly(events.get(2), events.get(3));
    assertThat(fixture.outbox.countUnsent()).isZero();
  }

  @Test
  void aBrokerOutageLosesNothing() {
    List<ShipmentEvent> events = appendEvents(3);
    fixture.publisher.acknowledgeOnly(e -> false);

    assertThat(relay.relayPendingEvents()).isZero();
    fixture.publisher.acknowledgeAll();
    assertThat(relay.relayPendingEvents()).isEqualTo(3);

    assertThat(fixture.publisher.published()).extracting(ShipmentEvent::eventId)
        .containsExactlyElementsOf(IntStream.range(0, 6).mapToObj(i -> events.get(i % 3).eventId()).toList());
  }

  @Test
  void aRunRelaysBatchAfterBatchOldestFirstUntilNothingWaits() {
    List<ShipmentEvent> events = appendEvents(5);
    OutboxRelayService smallBatches = new OutboxRelayService(fixture.outbox, fixture.publisher, "relay-1", 2,
        Duration.ofSeconds(30), Duration.ofDays(7), fixture.clock);

    assertThat(smallBatches.relayPendingEvents()).isEqualTo(5);

    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
    assertThat(fixture.outbox.countUnsent()).isZero();
    assertThat(fixture.outbox.leaseHolder()).isEmpty();
  }

  @Test
  void betweenTwoBatchesOfOneRunTheLeaseStaysWithTheRelay_soAnotherRelaySendsNothingOfTheRest() {
    List<ShipmentEvent> events = appendEvents(4);
    OutboxRelayService otherInstance = fixture.relay("relay-2");
    List<Integer> sentByTheOther = new ArrayList<>();
    EventPublisher broker = batch -> {
      Set<UUID> acknowledged = fixture.publisher.publish(batch);
      sentByTheOther.add(otherInstance.relayPendingEvents());
      return acknowledged;
    };

    assertThat(smallBatches(broker).relayPendingEvents()).isEqualTo(4);

    assertThat(sentByTheOther).containsExactly(0, 0);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
    assertThat(fixture.outbox.leaseHolder()).isEmpty();
  }

  @Test
  void givenTheBrokerTookPartOfALaterBatchOfARun_theEarlierBatchesStaySent_andTheRestGoesOutAgainInOrder() {
    List<ShipmentEvent> events = appendEvents(5);
    fixture.publisher.acknowledgeOnly(e -> !e.equals(events.get(2)));
    OutboxRelayService relay = smallBatches(fixture.publisher);

    assertThat(relay.relayPendingEvents()).isEqualTo(3);
    assertThat(fixture.outbox.unsent(10)).containsExactly(events.get(2), events.get(4));
    assertThat(fixture.outbox.leaseHolder()).contains("relay-1");
    fixture.publisher.acknowledgeAll();
    assertThat(relay.relayPendingEvents()).isEqualTo(2);

    assertThat(fixture.publisher.published()).containsExactly(events.get(0), events.get(1), events.get(2),
        events.get(3), events.get(2), events.get(4));
    assertThat(fixture.outbox.countUnsent()).isZero();
  }

  @Test
  void givenPublishingThrowsOnALaterBatch_whatTheBrokerTookBeforeIsMarkedSent_andNothingIsLost() {
    List<ShipmentEvent> events = appendEvents(4);
    AtomicInteger publishes = new AtomicInteger();
    EventPublisher failingSecondTime = batch -> {
      if (publishes.incrementAndGet() == 2) {
        throw new IllegalStateException("serializer broke");
      }
      return fixture.publisher.publish(batch);
    };

    assertThatThrownBy(smallBatches(failingSecondTime)::relayPendingEvents).hasMessage("serializer broke");

    assertThat(fixture.outbox.unsent(10)).containsExactlyElementsOf(events.subList(2, 4));
    fixture.outbox.leaseRunsOut();
    assertThat(fixture.relay("relay-2").relayPendingEvents()).isEqualTo(2);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
  }

  @Test
  void pruningDeletesOnlyEventsSentLongerAgoThanTheRetention() {
    List<ShipmentEvent> old = appendEvents(2);
    relay.relayPendingEvents();
    fixture.clock.advance(Duration.ofDays(6));
    List<ShipmentEvent> recent = appendEvents(1);
    relay.relayPendingEvents();
    fixture.publisher.acknowledgeOnly(e -> false);
    List<ShipmentEvent> unsent = appendEvents(1);
    relay.relayPendingEvents();

    fixture.clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(relay.pruneSentEvents()).isEqualTo(2);

    assertThat(fixture.outbox.all()).containsExactly(recent.get(0), unsent.get(0)).doesNotContainAnyElementsOf(old);
    assertThat(relay.pruneSentEvents()).isZero();
  }

  @Test
  void whileARelayOfAnOlderReleaseHoldsTheRelayLockNothingIsPublished() {
    appendEvents(3);
    fixture.outbox.holdRelayLockElsewhere(true);

    assertThat(relay.relayPendingEvents()).isZero();
    assertThat(fixture.publisher.published()).isEmpty();
    assertThat(fixture.outbox.countUnsent()).isEqualTo(3);

    fixture.outbox.holdRelayLockElsewhere(false);
    assertThat(relay.relayPendingEvents()).isEqualTo(3);
  }

  @Test
  void whileAnotherRelaysLeaseRunsNothingIsPublished_untilItIsGivenUp() {
    List<ShipmentEvent> events = appendEvents(3);
    assertThat(fixture.outbox.claimUnsent("relay-2", 10, Duration.ofSeconds(30))).isPresent();

    assertThat(relay.relayPendingEvents()).isZero();
    assertThat(fixture.publisher.published()).isEmpty();

    fixture.outbox.releaseRelayLease("relay-2");
    assertThat(relay.relayPendingEvents()).isEqualTo(3);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
  }

  @Test
  void aBatchTheBrokerTookInFullGivesTheLeaseBackAtOnce() {
    appendEvents(2);

    assertThat(relay.relayPendingEvents()).isEqualTo(2);

    assertThat(fixture.outbox.leaseHolder()).isEmpty();
  }

  @Test
  void givenTheBrokerTookPartOfABatch_theRelayKeepsTheLeaseSoNoOtherRelaySendsTheRestWhileItMayStillBeRetrying() {
    List<ShipmentEvent> events = appendEvents(4);
    fixture.publisher.acknowledgeOnly(e -> !e.equals(events.get(3)));
    OutboxRelayService otherInstance = fixture.relay("relay-2");

    assertThat(relay.relayPendingEvents()).isEqualTo(3);
    fixture.publisher.acknowledgeAll();

    assertThat(fixture.outbox.leaseHolder()).contains("relay-1");
    assertThat(otherInstance.relayPendingEvents()).isZero();
    fixture.outbox.leaseRunsOut();
    assertThat(otherInstance.relayPendingEvents()).isEqualTo(1);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(
        List.of(events.get(0), events.get(1), events.get(2), events.get(3), events.get(3)));
  }

  @Test
  void givenARelayDiedWithABatchOut_whenItsLeaseRunsOut_thenAnotherRelaySendsTheWholeBatchAgainInOrder() {
    List<ShipmentEvent> events = appendEvents(5);
    assertThat(fixture.outbox.claimUnsent("relay-2", 10, Duration.ofSeconds(30))).contains(events);
    fixture.publisher.publish(events.subList(0, 2));

    fixture.outbox.leaseRunsOut();
    assertThat(relay.relayPendingEvents()).isEqualTo(5);

    assertThat(fixture.publisher.published()).extracting(ShipmentEvent::eventId).containsExactlyElementsOf(
        Stream.concat(events.subList(0, 2).stream(), events.stream()).map(ShipmentEvent::eventId).toList());
    assertThat(fixture.publisher.published().stream().map(ShipmentEvent::eventId).distinct())
        .as("what a consumer dropping repeats by eventId keeps").containsExactlyElementsOf(
            events.stream().map(ShipmentEvent::eventId).toList());
    assertThat(fixture.outbox.countUnsent()).isZero();
  }

  @Test
  void theNextBatchIsReadWhileAFullOneIsAtTheBroker_andHandedOverOnlyOnceThatOneIsAcknowledged() {
    List<ShipmentEvent> events = appendEvents(5);
    SlowAcknowledgements broker = new SlowAcknowledgements(events);

    assertThat(smallBatches(broker).relayPendingEvents()).isEqualTo(5);

    assertThat(broker.log).containsExactly(
        "handed over [0, 1] after 1 claims",
        "acknowledged [0, 1] after 2 claims",
        "handed over [2, 3] after 2 claims",
        "acknowledged [2, 3] after 3 claims",
        "handed over [4] after 3 claims",
        "acknowledged [4] after 3 claims");
    assertThat(fixture.outbox.claims()).extracting(InMemoryOutbox.Claim::sentBefore, InMemoryOutbox.Claim::atTheBroker)
        .as("each claim made while a full batch is out marks the one before and leaves that one out; after the"
            + " short last batch nothing is read ahead").containsExactly(
            tuple(List.of(), List.of()),
            tuple(List.of(), idsOf(events.subList(0, 2))),
            tuple(idsOf(events.subList(0, 2)), idsOf(events.subList(2, 4))),
            tuple(idsOf(events.subList(2, 5)), List.of()));
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
    assertThat(fixture.outbox.countUnsent()).isZero();
    assertThat(fixture.outbox.leaseHolder()).isEmpty();
  }

  @Test
  void whileTheOnlyEventsWaitingAreAtTheBroker_theRelayKeepsTheLease_soAnotherRelaySendsNothingMeanwhile() {
    List<ShipmentEvent> events = appendEvents(2);
    OutboxRelayService otherInstance = fixture.relay("relay-2");
    List<Integer> sentByTheOther = new ArrayList<>();
    EventPublisher broker = new EventPublisher() {
      @Override
      public Set<UUID> publish(List<ShipmentEvent> batch) {
        return send(batch).acknowledged();
      }

      @Override
      public InFlight send(List<ShipmentEvent> batch) {
        return () -> {
          sentByTheOther.add(otherInstance.relayPendingEvents());
          return fixture.publisher.publish(batch);
        };
      }
    };

    assertThat(smallBatches(broker).relayPendingEvents()).isEqualTo(2);

    assertThat(sentByTheOther).containsExactly(0);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
    assertThat(fixture.outbox.leaseHolder()).isEmpty();
  }

  @Test
  void givenTheBrokerTookPartOfABatchWhileTheNextWasAlreadyRead_theNextIsNotSent_andTheNextRunSendsTheRestInOrder() {
    List<ShipmentEvent> events = appendEvents(5);
    fixture.publisher.acknowledgeOnly(e -> !e.equals(events.get(0)));
    SlowAcknowledgements broker = new SlowAcknowledgements(events);
    OutboxRelayService relay = smallBatches(broker);

    assertThat(relay.relayPendingEvents()).isEqualTo(1);

    assertThat(broker.log).containsExactly("handed over [0, 1] after 1 claims", "acknowledged [0, 1] after 2 claims");
    assertThat(fixture.outbox.claims().get(1).atTheBroker()).containsExactlyElementsOf(idsOf(events.subList(0, 2)));
    assertThat(fixture.outbox.unsent(10)).containsExactly(events.get(0), events.get(2), events.get(3), events.get(4));
    assertThat(fixture.outbox.leaseHolder()).as("the publisher may still be retrying").contains("relay-1");
    assertThat(fixture.relay("relay-2").relayPendingEvents()).isZero();

    fixture.publisher.acknowledgeAll();
    assertThat(relay.relayPendingEvents()).isEqualTo(4);
    assertThat(fixture.publisher.published()).containsExactly(events.get(0), events.get(1), events.get(0),
        events.get(2), events.get(3), events.get(4));
    assertThat(fixture.outbox.countUnsent()).isZero();
  }

  @Test
  void givenTheBrokerFailsWhileTheNextBatchIsAlreadyRead_whatItTookBeforeStaysSent_andNothingIsLostOrReordered() {
    List<ShipmentEvent> events = appendEvents(6);
    AtomicInteger acknowledgements = new AtomicInteger();
    EventPublisher failingSecondAnswer = new EventPublisher() {
      @Override
      public Set<UUID> publish(List<ShipmentEvent> batch) {
        return send(batch).acknowledged();
      }

      @Override
      public InFlight send(List<ShipmentEvent> batch) {
        return () -> {
          if (acknowledgements.incrementAndGet() == 2) {
            throw new IllegalStateException("producer closed");
          }
          return fixture.publisher.publish(batch);
        };
      }
    };

    assertThatThrownBy(smallBatches(failingSecondAnswer)::relayPendingEvents).hasMessage("producer closed");

    assertThat(fixture.outbox.unsent(10)).containsExactlyElementsOf(events.subList(2, 6));
    fixture.outbox.leaseRunsOut();
    assertThat(fixture.relay("relay-2").relayPendingEvents()).isEqualTo(4);
    assertThat(fixture.publisher.published()).containsExactlyElementsOf(events);
  }

  /**
   * A broker that takes a batch at once and answers when the relay asks, as Kafka does; it writes down what
   * it was handed and when it answered, with the number of relay steps (claims) made by then, and answers as
   * the fixture's publisher does.
   */
  private final class SlowAcknowledgements implements EventPublisher {
    final List<String> log = new ArrayList<>();
    private final List<ShipmentEvent> appended;

    SlowAcknowledgements(List<ShipmentEvent> appended) {
      this.appended = appended;
    }

    @Override
    public Set<UUID> publish(List<ShipmentEvent> events) {
      return send(events).acknowledged();
    }

    @Override
    public InFlight send(List<ShipmentEvent> events) {
      log.add("handed over " + positions(events) + " after " + fixture.outbox.claims().size() + " claims");
      return () -> {
        log.add("acknowledged " + positions(events) + " after " + fixture.outbox.claims().size() + " claims");
        return fixture.publisher.publish(events);
      };
    }

    private List<Integer> positions(List<ShipmentEvent> events) {
      return events.stream().map(appended::indexOf).toList();
    }
  }

  private static List<UUID> idsOf(List<ShipmentEvent> events) {
    return events.stream().map(ShipmentEvent::eventId).toList();
  }

  /** relay-1 sending batches of two events to {@code broker}. */
  private OutboxRelayService smallBatches(EventPublisher broker) {
    return new OutboxRelayService(fixture.outbox, broker, "relay-1", 2, Duration.ofSeconds(30), Duration.ofDays(7),
        fixture.clock);
  }

  private List<ShipmentEvent> appendEvents(int count) {
    List<ShipmentEvent> events = IntStream.range(0, count).mapToObj(i -> event(i % 2 + 1)).toList();
    fixture.outbox.append(events);
    return events;
  }

  private ShipmentEvent event(long order) {
    return new ShipmentEvent(UUID.randomUUID(), "in_transit", T0.atOffset(ZoneOffset.ofHours(-5)),
        ShipmentId.of(1000 + order), OrderId.of(order), ParcelId.of(5000 + order), TrackingNumber.of("79460000000" + order),
        CarrierCode.FEDEX, ShipmentStatus.IN_TRANSIT, "MEMPHIS, TN, US", Map.of("rawCode", "IT"), fixture.clock.instant());
  }
}

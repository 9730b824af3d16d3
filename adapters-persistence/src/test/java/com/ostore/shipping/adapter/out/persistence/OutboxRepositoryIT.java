package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.OutboxSignal;
import com.ostore.shipping.domain.port.out.Transactions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRepositoryIT extends DatabaseTestSupport {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final OutboxRepository outbox = module.outboxRepository();
  private final Transactions transactions = module.transactions();

  @BeforeEach
  void emptyTheOutboxAndEndAnyLease() throws SQLException {
    executeSql("DELETE FROM outbox; DELETE FROM outbox_sent;"
        + " UPDATE outbox_relay_lease SET holder = NULL, leased_until = '-infinity'");
  }

  @Test
  void unsentEventsComeBackEqualAndInTheOrderTheyWereAppended() {
    ShipmentEvent delivered = packageEvent("delivered", "2026-01-08T10:05:00.123456789+09:00");
    ShipmentEvent failed = new ShipmentEvent(UUID.randomUUID(), "failed", OffsetDateTime.parse("2026-01-05T04:00-05:00"),
        ShipmentId.of(12), OrderId.of(34), null, null, CarrierCode.USPS, ShipmentStatus.FAILED, null, Map.of(), T0);
    ShipmentEvent inTransit = packageEvent("in_transit", "2026-01-06T03:40:00-06:00");

    outbox.append(List.of(delivered, failed));
    outbox.append(List.of(inTransit));

    assertThat(outbox.unsent(10)).containsExactly(delivered, failed, inTransit);
    assertThat(outbox.unsent(2)).containsExactly(delivered, failed);
    assertThat(outbox.countUnsent()).isEqualTo(3);
  }

  @Test
  void sentEventsAreNoLongerUnsentAndArePrunedOnlyOnceOldEnough() {
    ShipmentEvent first = packageEvent("in_transit", "2026-01-06T03:40:00-06:00");
    ShipmentEvent second = packageEvent("delivered", "2026-01-07T03:40:00-06:00");
    ShipmentEvent third = packageEvent("delivered", "2026-01-07T04:40:00-06:00");
    outbox.append(List.of(first, second, third));

    outbox.markSent(List.of(first.eventId()), T0);
    outbox.markSent(List.of(second.eventId()), T0.plusSeconds(3600));

    assertThat(outbox.unsent(10)).containsExactly(third);
    assertThat(outbox.countUnsent()).isEqualTo(1);
    assertThat(outbox.pruneSentBefore(T0.plusSeconds(60))).isEqualTo(1);
    assertThat(outbox.pruneSentBefore(T0.plusSeconds(7200))).isEqualTo(1);
    assertThat(outbox.unsent(10)).containsExactly(third);
  }

  @Test
  void whileOneRelayHoldsTheLeaseAnotherGetsNoBatch_untilTheFirstGivesItUp() {
    List<ShipmentEvent> events = appendInTransit(3);

    assertThat(outbox.claimUnsent("relay-a", 10, LEASE)).contains(events);
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("while relay-a's lease runs").isEmpty();
    assertThat(outbox.claimUnsent("relay-a", 2, LEASE)).as("the holder may go on").contains(events.subList(0, 2));
    outbox.releaseRelayLease("relay-b");
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("only the holder gives the lease up").isEmpty();

    outbox.releaseRelayLease("relay-a");

    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).contains(events);
  }

  @Test
  void aRelayStepMarksThePreviousBatchSentAndReadsTheNext_andTheStepFindingNothingMoreGivesTheLeaseUp() {
    List<ShipmentEvent> events = appendInTransit(3);

    List<ShipmentEvent> first = outbox.claimUnsent("relay-a", 2, LEASE).orElseThrow();
    List<ShipmentEvent> second = outbox.claimNext("relay-a", idsOf(first), T0, 2, LEASE).orElseThrow();

    assertThat(first).containsExactlyElementsOf(events.subList(0, 2));
    assertThat(second).containsExactly(events.get(2));
    assertThat(outbox.unsent(10)).containsExactly(events.get(2));
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("between relay-a's steps").isEmpty();
    assertThat(outbox.claimNext("relay-a", idsOf(second), T0, 2, LEASE)).contains(List.of());
    assertThat(outbox.countUnsent()).isZero();
    List<ShipmentEvent> later = appendInTransit(1);
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("relay-a's lease is over").contains(later);
  }

  @Test
  void aStepLeavesTheBatchAtTheBrokerOutOfTheNext_butCountsItAsWaiting_soTheLeaseIsKeptUntilItIsMarked() {
    List<ShipmentEvent> events = appendInTransit(3);
    List<ShipmentEvent> first = outbox.claimUnsent("relay-a", 2, LEASE).orElseThrow();

    List<ShipmentEvent> second = outbox.claimNext("relay-a", List.of(), idsOf(first), T0, 2, LEASE).orElseThrow();

    assertThat(second).containsExactly(events.get(2));
    assertThat(outbox.unsent(10)).as("left out, not marked").containsExactlyElementsOf(events);
    assertThat(outbox.claimNext("relay-a", idsOf(first), idsOf(second), T0, 2, LEASE))
        .as("only the batch at the broker waits").contains(List.of());
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("while relay-a's last batch is out").isEmpty();
    assertThat(outbox.claimNext("relay-a", idsOf(second), List.of(), T0, 2, LEASE)).contains(List.of());
    assertThat(outbox.countUnsent()).isZero();
    List<ShipmentEvent> later = appendInTransit(1);
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).as("relay-a's lease is over").contains(later);
  }

  @Test
  void aStepWhileAnotherRelaysLeaseRunsStillMarksWhatTheBrokerTook_butGetsNoBatch() {
    List<ShipmentEvent> events = appendInTransit(3);
    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).contains(events);

    assertThat(outbox.claimNext("relay-a", idsOf(events.subList(0, 1)), T0, 10, LEASE)).isEmpty();

    assertThat(outbox.unsent(10)).containsExactlyElementsOf(events.subList(1, 3));
    assertThat(outbox.claimNext("relay-b", List.of(), T0, 10, LEASE)).as("relay-b keeps its lease")
        .contains(events.subList(1, 3));
  }

  @Test
  void aStepKeepsTheFirstTimeAnEventWasSent() {
    List<ShipmentEvent> events = appendInTransit(2);
    outbox.markSent(idsOf(events.subList(0, 1)), T0);

    assertThat(outbox.claimNext("relay-a", idsOf(events), T0.plusSeconds(3600), 10, LEASE)).contains(List.of());

    assertThat(outbox.pruneSentBefore(T0.plusSeconds(60))).as("sent at T0, not an hour later").isEqualTo(1);
    assertThat(outbox.countUnsent()).isZero();
  }

  @Test
  void markingABatchSentLeavesTheOutboxRowsAsAppended_andTheRetentionStillPrunesByTheFirstSendTime()
      throws SQLException {
    List<ShipmentEvent> events = appendInTransit(3);
    String appended = outboxRowVersions();
    List<ShipmentEvent> first = outbox.claimUnsent("relay-a", 2, LEASE).orElseThrow();

    assertThat(outbox.claimNext("relay-a", idsOf(first), T0, 2, LEASE)).contains(events.subList(2, 3));
    outbox.markSent(idsOf(events.subList(2, 3)), T0.plusSeconds(3600));
    outbox.markSent(idsOf(events), T0.plusSeconds(7200));

    assertThat(outbox.countUnsent()).isZero();
    assertThat(outboxRowVersions()).as("no outbox row written again (same xmin, same place)").isEqualTo(appended);
    assertThat(outbox.pruneSentBefore(T0.plusSeconds(60))).as("the two sent at T0").isEqualTo(2);
    assertThat(outbox.pruneSentBefore(T0.plusSeconds(3599))).isZero();
    assertThat(outbox.pruneSentBefore(T0.plusSeconds(3660))).as("the one first sent at T0 + 1 h").isEqualTo(1);
    assertThat(queryLong("SELECT count(*) FROM outbox")).isZero();
    assertThat(queryLong("SELECT count(*) FROM outbox_sent")).isZero();
  }

  @Test
  void eventsInsertedByPlainSqlAreRelayedInOrder_andRowsSkippedAsDuplicatesOrDeletedByHandAreNotWaiting()
      throws SQLException {
    ShipmentEvent byTheAdapter = packageEvent("in_transit", "2026-01-06T03:40:00-06:00");
    ShipmentEvent byAnOlderRelease = packageEvent("out_for_delivery", "2026-01-07T03:40:00-06:00");
    ShipmentEvent deletedByHand = packageEvent("delivered", "2026-01-07T04:40:00-06:00");
    ShipmentEvent last = packageEvent("delivered", "2026-01-07T05:40:00-06:00");
    outbox.append(List.of(byTheAdapter));

    executeSql("INSERT INTO outbox (event_id, message_key, event_type, payload) VALUES " + values(byAnOlderRelease)
        + ", " + values(deletedByHand));
    executeSql("INSERT INTO outbox (event_id, message_key, event_type, payload) VALUES " + values(byTheAdapter) + ", "
        + values(byAnOlderRelease) + ", " + values(last) + " ON CONFLICT (event_id) DO NOTHING");
    executeSql("DELETE FROM outbox WHERE event_id = '" + deletedByHand.eventId() + "'");

    assertThat(outbox.countUnsent()).isEqualTo(3);
    List<ShipmentEvent> batch = outbox.claimUnsent("relay-a", 10, LEASE).orElseThrow();
    assertThat(batch).containsExactly(byTheAdapter, byAnOlderRelease, last);
    assertThat(outbox.claimNext("relay-a", idsOf(batch), T0, 10, LEASE)).as("nothing else waits").contains(List.of());
    assertThat(outbox.countUnsent()).isZero();
  }

  @Test
  void givenARelayDiedWithABatchOut_whenItsLeaseRunsOutByTheDatabasesClock_thenTheNextRelayGetsTheSameBatchInOrder() {
    List<ShipmentEvent> events = appendInTransit(3);
    Optional<List<ShipmentEvent>> died = outbox.claimUnsent("relay-a", 10, Duration.ofSeconds(1));

    List<ShipmentEvent> takenOver = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100)).until(() -> outbox.claimUnsent("relay-b", 10, LEASE), Optional::isPresent)
        .orElseThrow();

    assertThat(died).contains(events);
    assertThat(takenOver).containsExactlyElementsOf(events);
  }

  @Test
  void whileABatchIsOutNoTransactionIsOpenAndNoLockHeld() throws SQLException {
    appendInTransit(2);

    assertThat(outbox.claimUnsent("relay-a", 10, LEASE)).hasValueSatisfying(batch -> assertThat(batch).hasSize(2));

    assertThat(queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")).isZero();
    assertThat(queryLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
  }

  @Test
  void givenNothingWaits_aClaimTakesNoLease_soAnotherRelayGetsTheNextEventsAtOnce() {
    assertThat(outbox.claimUnsent("relay-a", 10, LEASE)).contains(List.of());
    List<ShipmentEvent> events = appendInTransit(1);

    assertThat(outbox.claimUnsent("relay-b", 10, LEASE)).contains(events);
  }

  @Test
  void whileARelayOfAnOlderReleaseSendsUnderTheRelayLock_aRelayOfThisOneGetsNoBatch() throws Exception {
    List<ShipmentEvent> events = appendInTransit(1);
    try (Connection olderRelease = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = olderRelease.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + config().relayLockKey() + ")");

      assertThat(outbox.claimUnsent("relay-a", 10, LEASE)).isEmpty();

      statement.execute("SELECT pg_advisory_unlock(" + config().relayLockKey() + ")");
    }
    assertThat(outbox.claimUnsent("relay-a", 10, LEASE)).contains(events);
  }

  @Test
  void appendingEventsWakesTheRelaysListenerWhenTheTransactionCommits() throws Exception {
    OutboxSignal signal = module.outboxSignal();
    signal.awaitAppend(Duration.ofSeconds(30));
    CountDownLatch listening = new CountDownLatch(1);
    CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> {
      listening.countDown();
      try {
        signal.awaitAppend(Duration.ofMinutes(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    await(listening);

    transactions.run(() -> outbox.append(List.of(packageEvent("in_transit", "2026-01-06T03:40:00-06:00"))));

    woken.get(60, TimeUnit.SECONDS);
    assertThat(woken).isDone();
  }

  @Test
  void whileOneTransactionWritesAnOrdersEventsAnotherWritingThatOrderWaits_soTheOutboxHoldsThemInCommitOrder()
      throws Exception {
    ShipmentEvent scan = packageEvent("in_transit", "2026-01-06T03:40:00-06:00");
    ShipmentEvent cancelled = new ShipmentEvent(UUID.randomUUID(), "cancelled", OffsetDateTime.parse(
        "2026-01-06T10:00:00Z"), ShipmentId.of(1001), OrderId.of(123), null, null, CarrierCode.FEDEX,
        ShipmentStatus.CANCELLED, null, Map.of(), T0);
    ShipmentEvent otherOrder = new ShipmentEvent(UUID.randomUUID(), "failed", OffsetDateTime.parse(
        "2026-01-06T10:00:00Z"), ShipmentId.of(2002), OrderId.of(456), null, null, CarrierCode.USPS,
        ShipmentStatus.FAILED, null, Map.of(), T0);
    CountDownLatch scanAppended = new CountDownLatch(1);
    CountDownLatch commitScan = new CountDownLatch(1);
    CompletableFuture<Void> tracking = CompletableFuture.runAsync(() -> transactions.run(() -> {
      outbox.lockOrderEvents(OrderId.of(123));
      outbox.append(List.of(scan));
      scanAppended.countDown();
      await(commitScan);
    }));
    await(scanAppended);

    transactions.run(() -> outbox.append(List.of(otherOrder)));
    CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> transactions.run(() -> {
      outbox.lockOrderEvents(OrderId.of(123));
      outbox.append(List.of(cancelled));
    }));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queryLong(
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'advisory'") == 1);
    assertThat(outbox.unsent(10)).as("while the scan is uncommitted").containsExactly(otherOrder);
    commitScan.countDown();
    tracking.get(30, TimeUnit.SECONDS);
    cancel.get(30, TimeUnit.SECONDS);

    assertThat(outbox.unsent(10)).filteredOn(event -> event.orderId().value() == 123).containsExactly(scan, cancelled);
  }

  @Test
  void givenSeveralOrdersEventLocksTakenAtOnce_thenAWriterOfAnyOfThemWaitsUntilThatTransactionEnds() throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> group = CompletableFuture.runAsync(() -> transactions.run(() -> {
      outbox.lockOrderEvents(List.of(OrderId.of(125), OrderId.of(124), OrderId.of(126)));
      locked.countDown();
      await(commit);
    }));
    await(locked);

    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> transactions.run(() ->
        outbox.lockOrderEvents(OrderId.of(126))));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queryLong(
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'advisory'") == 1);

    assertThat(writer).isNotDone();
    commit.countDown();
    group.get(30, TimeUnit.SECONDS);
    writer.get(30, TimeUnit.SECONDS);
  }

  @Test
  void takingAnOrdersEventLockOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.lockOrderEvents(OrderId.of(123))).isInstanceOf(IllegalStateException.class);
  }

  /** Each outbox row's seq, inserting transaction and physical place: any update of a row changes them. */
  private static String outboxRowVersions() throws SQLException {
    return queryText("SELECT string_agg(seq || ' ' || xmin || ' ' || ctid, ', ' ORDER BY seq) FROM outbox");
  }

  /** An event as a row of a plain SQL INSERT, stored as the adapter stores it. */
  private static String values(ShipmentEvent event) {
    return "('" + event.eventId() + "', '" + event.key() + "', '" + event.eventType() + "', '"
        + JsonCodec.write(ShipmentEventPayload.from(event)).replace("'", "''") + "')";
  }

  private static List<UUID> idsOf(List<ShipmentEvent> events) {
    return events.stream().map(ShipmentEvent::eventId).toList();
  }

  private List<ShipmentEvent> appendInTransit(int count) {
    List<ShipmentEvent> events = IntStream.range(0, count)
        .mapToObj(i -> packageEvent("in_transit", "2026-01-06T0" + i + ":40:00-06:00")).toList();
    transactions.run(() -> outbox.append(events));
    return events;
  }

  private static ShipmentEvent packageEvent(String type, String at) {
    return new ShipmentEvent(UUID.randomUUID(), type, OffsetDateTime.parse(at), ShipmentId.of(1001),
        OrderId.of(123), ParcelId.of(100101), TrackingNumber.of("794644790132"), CarrierCode.FEDEX,
        ShipmentStatus.fromWireName(type), "TOKYO JP", Map.of("signedBy", "K.TANAKA"), T0.plusSeconds(5));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other relay never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

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
import com.ostore.shipping.domain.port.out.Transactions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRepositoryIT extends DatabaseTestSupport {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private final OutboxRepository outbox = module.outboxRepository();
  private final Transactions transactions = module.transactions();

  @BeforeEach
  void emptyTheOutbox() throws SQLException {
    executeSql("DELETE FROM outbox");
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
  void whileOneRelayHoldsTheLockAnotherCannotTakeItUntilTheFirstTransactionEnds() throws Exception {
    CountDownLatch firstHoldsLock = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
      boolean locked = outbox.tryLockForRelay();
      firstHoldsLock.countDown();
      await(secondTried);
      return locked;
    }));
    await(firstHoldsLock);

    boolean secondWhileHeld = transactions.inTransaction(outbox::tryLockForRelay);
    secondTried.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(secondWhileHeld).isFalse();
    assertThat(transactions.inTransaction(outbox::tryLockForRelay)).isTrue();
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

  @Test
  void takingTheRelayLockOutsideATransactionIsRefused() {
    assertThatThrownBy(outbox::tryLockForRelay).isInstanceOf(IllegalStateException.class);
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

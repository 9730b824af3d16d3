package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.Transactions;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.IdempotencyKeysContract;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL idempotency keys: the shared contract, plus what only real transactions can show. */
class IdempotencyKeysIT extends IdempotencyKeysContract {
  private static final AtomicLong NEXT_SHIPMENT = new AtomicLong(5001);
  private static final String FINGERPRINT = "9".repeat(64);

  private static DatabaseCoordinates database;
  private static PersistenceModule module;

  @BeforeAll
  static void startModuleOnAFreshDatabase() {
    database = EmbeddedDatabase.freshDatabase();
    module = PersistenceModule.start(new DatabaseConfig(database.jdbcUrl(), database.username(),
        Secret.of(database.password()), 4, Duration.ofSeconds(10)));
  }

  @AfterAll
  static void closeModule() {
    module.close();
  }

  @Override
  protected IdempotencyKeys keys() {
    return module.idempotencyKeys();
  }

  @Override
  protected Transactions transactions() {
    return module.transactions();
  }

  @Override
  protected ShipmentId aStoredShipment() {
    ShipmentId id = ShipmentId.of(NEXT_SHIPMENT.getAndIncrement());
    module.shipmentRepository().add(aShipment().withId(id.value()).withOrderId(id.value()).build());
    return id;
  }

  @Test
  void givenAClaimInATransactionStillRunning_whenTheSameKeyIsClaimed_thenTheSecondWaitsAndThenSeesTheFirstsOutcome()
      throws Exception {
    ShipmentId shipment = aStoredShipment();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = threads.submit(() -> transactions().inTransaction(() -> {
        boolean won = keys().tryClaim("caller-c", "race", FINGERPRINT, NOW, NOW.minus(Duration.ofDays(1)));
        claimed.countDown();
        awaitLatch(finish);
        keys().recordOutcome("caller-c", "race", shipment, "the winner's answer");
        return won;
      }));
      claimed.await(30, TimeUnit.SECONDS);
      Future<Optional<IdempotentOutcome>> second = threads.submit(() -> {
        boolean won = transactions().inTransaction(
            () -> keys().tryClaim("caller-c", "race", FINGERPRINT, NOW, NOW.minus(Duration.ofDays(1))));
        return won ? Optional.empty() : keys().find("caller-c", "race");
      });

      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() == 1);
      assertThat(second).isNotDone();
      finish.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(30, TimeUnit.SECONDS)).map(IdempotentOutcome::response).contains("the winner's answer");
    } finally {
      finish.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void givenTheClaimingTransactionRollsBack_thenTheKeyIsFreeAgain() {
    assertThatThrownBy(() -> transactions().run(() -> {
      keys().tryClaim("caller-r", "refused", FINGERPRINT, NOW, NOW.minus(Duration.ofDays(1)));
      throw new IllegalStateException("the carrier is not enabled");
    })).hasMessage("the carrier is not enabled");

    boolean claimed = transactions().inTransaction(
        () -> keys().tryClaim("caller-r", "refused", FINGERPRINT, NOW, NOW.minus(Duration.ofDays(1))));

    assertThat(claimed).isTrue();
  }

  @Test
  void aClaimOutsideATransactionIsRefusedBecauseNothingWouldHoldAConcurrentRequestBack() {
    assertThatThrownBy(() -> keys().tryClaim("caller-x", "k", FINGERPRINT, Instant.now(), Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class);
  }

  private static int sessionsWaitingForALock() throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the first claim finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

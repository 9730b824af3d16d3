package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL idempotency keys, claimed by the repository's keyed creates: the shared contract, plus what
 * only real transactions can show.
 */
class IdempotencyKeysIT extends IdempotencyKeysContract {

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
  protected ShipmentRepository shipments() {
    return module.shipmentRepository();
  }

  @Test
  void givenAKeyedCreateInATransactionStillRunning_whenTheSameKeyIsUsed_thenTheSecondWaitsAndCreatesNothing()
      throws Exception {
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<ShipmentId>> first = threads.submit(() -> module.transactions().inTransaction(() -> {
        Optional<ShipmentId> created = createWithKey("caller-c", "race", FINGERPRINT, NOW, A_DAY_AGO,
            "the winner's answer");
        claimed.countDown();
        awaitLatch(finish);
        return created;
      }));
      claimed.await(30, TimeUnit.SECONDS);
      Future<Optional<ShipmentId>> second = threads.submit(
          () -> createWithKey("caller-c", "race", FINGERPRINT, NOW, A_DAY_AGO, "the loser's answer"));

      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() == 1);
      assertThat(second).isNotDone();
      finish.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
      assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
      assertThat(keys().find("caller-c", "race")).map(IdempotentOutcome::response).contains("the winner's answer");
    } finally {
      finish.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void givenTheTransactionOfAKeyedCreateRollsBack_thenTheKeyIsFreeAgain() {
    assertThatThrownBy(() -> module.transactions().run(() -> {
      createWithKey("caller-r", "refused", FINGERPRINT, NOW, A_DAY_AGO, "never given");
      throw new IllegalStateException("the carrier is not enabled");
    })).hasMessage("the carrier is not enabled");
    assertThat(keys().find("caller-r", "refused")).isEmpty();

    Optional<ShipmentId> created = createWithKey("caller-r", "refused", FINGERPRINT, NOW, A_DAY_AGO, "given");

    assertThat(created).isPresent();
    assertThat(keys().find("caller-r", "refused")).map(IdempotentOutcome::response).contains("given");
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

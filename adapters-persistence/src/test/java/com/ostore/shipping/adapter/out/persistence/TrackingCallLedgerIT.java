package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.TrackingCallLedgerContract;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL tracking-call ledger: the shared contract, and instances racing for the last calls of a budget. */
class TrackingCallLedgerIT extends TrackingCallLedgerContract {
  private static DatabaseCoordinates database;
  private static PersistenceModule module;
  private static PersistenceModule otherInstance;

  private static DatabaseConfig config;

  @BeforeAll
  static void startTwoModulesOnAFreshDatabase() {
    database = EmbeddedDatabase.freshDatabase();
    config = new DatabaseConfig(database.jdbcUrl(), database.username(), Secret.of(database.password()), 4,
        Duration.ofSeconds(10));
    module = PersistenceModule.start(config);
    otherInstance = PersistenceModule.start(config);
  }

  @AfterAll
  static void closeModules() {
    otherInstance.close();
    module.close();
  }

  @BeforeEach
  void forgetEveryCall() throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement()) {
      connection.setSchema(config.schema());
      statement.execute("DELETE FROM tracking_calls");
    }
  }

  @Override
  protected TrackingCallLedger ledger() {
    return module.trackingCallLedger();
  }

  @Test
  void twoInstancesAskingAtOnce_togetherGetExactlyTheBudget() throws Exception {
    int budget = 10;
    List<TrackingCallLedger> instances = List.of(module.trackingCallLedger(), otherInstance.trackingCallLedger());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      // Several rounds: a race for the last calls is short, and each round is another chance to lose it.
      for (int round = 0; round < 10; round++) {
        forgetEveryCall();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          TrackingCallLedger ledger = instances.get(t % 2);
          int thread = t;
          granted.add(threads.submit(() -> {
            start.await(30, TimeUnit.SECONDS);
            int mine = 0;
            for (int i = 0; i < 5; i++) {
              if (ledger.tryRecord(CarrierCode.USPS, NOW.plusMillis(thread * 10L + i), NOW.minus(HOUR), budget)) {
                mine++;
              }
            }
            return mine;
          }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> one : granted) {
          total += one.get(30, TimeUnit.SECONDS);
        }

        assertThat(total).as("round %d: 40 asked for, the budget is 10", round).isEqualTo(budget);
        assertThat(otherInstance.trackingCallLedger().callsSince(CarrierCode.USPS, NOW.minus(HOUR)))
            .isEqualTo(budget);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}

package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.sandbox.net.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits that keep a dead or stuck connection from holding locks forever: the server cancels slow
 * statements and ends transactions left idle, and the client gives up on a connection gone silent.
 */
class DatabaseTimeoutsIT extends DatabaseTestSupport {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  @BeforeEach
  void emptyTheQueue() throws SQLException {
    executeSql("DELETE FROM tasks");
  }

  @Test
  void givenATransactionLeftIdleWhileHoldingALock_whenItsIdleTimeoutPasses_thenTheServerEndsItAndTheLockIsFree() {
    try (PersistenceModule module = start(database.jdbcUrl(),
        new DatabaseTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), true))) {
      Claim claim = claimOneTask(module.taskQueue());

      assertThatThrownBy(() -> module.transactions().inTransaction(() -> {
        assertThat(module.taskQueue().isHeld(claim)).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
          executeSql("SELECT id FROM tasks WHERE id = " + claim.taskId() + " FOR UPDATE NOWAIT");
          return true;
        });
        return module.taskQueue().complete(claim, T0);
      })).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void givenAStatementThatWaitsLongerThanTheStatementTimeout_thenTheServerCancelsIt() throws SQLException {
    try (PersistenceModule module = start(database.jdbcUrl(),
        new DatabaseTimeouts(Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(60), true));
        Connection other = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        Statement lock = other.createStatement()) {
      Claim claim = claimOneTask(module.taskQueue());
      other.setSchema(DatabaseConfig.DEFAULT_SCHEMA);
      other.setAutoCommit(false);
      lock.execute("SELECT id FROM tasks WHERE id = " + claim.taskId() + " FOR UPDATE");

      assertThatThrownBy(() -> module.taskQueue().isHeld(claim)).hasStackTraceContaining("statement timeout");
      other.rollback();
    }
  }

  @Test
  void givenTheLineToTheDatabaseGoesSilentMidTransaction_thenTheClientGivesUpAfterItsSocketTimeout() {
    URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    TcpProxy line = TcpProxy.to(server.getHost(), server.getPort());
    PersistenceModule module = start("jdbc:postgresql://127.0.0.1:" + line.port() + server.getPath(),
        new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(60), true));
    try {
      assertThatThrownBy(() -> module.transactions().inTransaction(() -> {
        module.taskQueue().countActive();
        line.silence();
        return module.taskQueue().countActive();
      })).isInstanceOf(RuntimeException.class).hasStackTraceContaining("I/O error");
    } finally {
      line.close();
      module.close();
    }
  }

  private static Claim claimOneTask(TaskQueue queue) {
    queue.enqueue(TaskKind.CREATE_LABELS, 1, T0, T0);
    return queue.claim(Set.of(TaskKind.CREATE_LABELS), 1, "w1", T0, LEASE).get(0);
  }

  private static PersistenceModule start(String jdbcUrl, DatabaseTimeouts timeouts) {
    return PersistenceModule.start(new DatabaseConfig(jdbcUrl, database.username(), Secret.of(database.password()), 2,
        Duration.ofSeconds(10), timeouts));
  }
}

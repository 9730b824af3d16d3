package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.StorageUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates of concurrent callers, coalesced by the repository into one statement: each caller
 * still gets its own outcome, as it would alone. To know which callers share a batch, each test holds
 * one batch in the database (a lock another transaction holds) while the others queue behind it, with
 * one batch in flight at a time.
 */
class CoalescedShipmentsIT extends DatabaseTestSupport {
  private static final Instant EXPIRED_BEFORE = T0.minus(Duration.ofDays(1));

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private HikariDataSource pool;
  private JdbiShipmentRepository repository;
  private ShipmentRepository shipments;
  private Jdbi jdbi;
  private final List<Connection> blockers = new ArrayList<>();

  @BeforeEach
  void aRepositoryWithOneBatchInFlight() {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(database.jdbcUrl());
    hikari.setUsername(database.username());
    hikari.setPassword(database.password());
    hikari.setSchema(config().schema());
    hikari.setMaximumPoolSize(6);
    hikari.setConnectionTimeout(10_000);
    pool = new HikariDataSource(hikari);
    jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    repository = new JdbiShipmentRepository(jdbi, pool, new CoalescingLimits(32, 1, 1),
        new StoredRenderings(new SummaryRenderer()));
    shipments = OutageGuard.guard(ShipmentRepository.class, repository);
  }

  @AfterEach
  void close() throws SQLException {
    for (Connection blocker : blockers) {
      blocker.close();
    }
    callers.shutdownNow();
    pool.close();
  }

  @Test
  void manyConcurrentCreates_areEachCommittedAndSeenWithTheirOwnIds_theQueuedOnesInOneTransaction() throws Exception {
    Connection blocker = holdKey("caller-a", "held");
    Future<Boolean> first = create(aShipment().withId(5000).withOrderId(5000).build(), claim("caller-a", "held"));
    awaitStatementsWaitingOnLocks(1);
    List<Shipment> queued = new ArrayList<>();
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Shipment shipment = aShipment().withId(5000 + i).withOrderId(5000 + i).withParcels(1 + i % 3).build();
      queued.add(shipment);
      answers.add(create(shipment, null));
    }
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 20);

    blocker.rollback();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    for (Future<Boolean> answer : answers) {
      assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
    }
    SummaryRenderer renderer = new SummaryRenderer();
    for (Shipment shipment : queued) {
      assertThat(shipments.findById(shipment.id())).contains(shipment);
      assertThat(queryText("SELECT rendered FROM shipments WHERE shipmentid = " + shipment.id().value()))
          .as("each create of the batch stored its own answer").isEqualTo(new String(renderer.render(shipment), UTF_8));
    }
    String ids = queued.stream().map(s -> Long.toString(s.id().value())).collect(Collectors.joining(","));
    assertThat(queryLong("SELECT count(DISTINCT xmin::text) FROM shipments WHERE shipmentid IN (" + ids + ")"))
        .as("written by one transaction").isEqualTo(1);
    assertThat(queryLong("SELECT count(*) FROM tasks WHERE kind = 'create_labels' AND subject_id IN (" + ids + ")"))
        .isEqualTo(20);
  }

  @Test
  void oneCreateThatCannotBeStored_failsAlone_theOthersOfItsBatchAreStored() throws Exception {
    shipments.add(aShipment().withId(5100).withOrderId(5100).build());
    Connection blocker = holdKey("caller-a", "held-5101");
    Future<Boolean> first = create(aShipment().withId(5101).withOrderId(5101).build(), claim("caller-a", "held-5101"));
    awaitStatementsWaitingOnLocks(1);
    Shipment before = aShipment().withId(5102).withOrderId(5102).build();
    Shipment clashing = aShipment().withId(5100).withOrderId(5103).build();
    Shipment after = aShipment().withId(5104).withOrderId(5104).build();
    Future<Boolean> good = create(before, null);
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 1);
    Future<Boolean> bad = create(clashing, null);
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 2);
    Future<Boolean> alsoGood = create(after, claim("caller-a", "fresh-5104"));
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 3);

    blocker.rollback();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(good.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(alsoGood.get(30, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause()
        .as("the error a lone create meets").isNotInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("could not store shipment 5100");
    assertThat(shipments.findById(before.id())).contains(before);
    assertThat(shipments.findById(after.id())).contains(after);
    assertThat(shipments.findByOrderId(clashing.orderId())).isEmpty();
    assertThat(module.idempotencyKeys().find("caller-a", "fresh-5104")).map(IdempotentOutcome::shipmentId)
        .contains(after.id());
  }

  @Test
  void oneIdempotencyKeyTwiceAmongQueuedCreates_behavesAsTwoRequestsOneAfterTheOther() throws Exception {
    Connection blocker = holdKey("caller-a", "held-5201");
    Future<Boolean> first = create(aShipment().withId(5201).withOrderId(5201).build(), claim("caller-a", "held-5201"));
    awaitStatementsWaitingOnLocks(1);
    Shipment winner = aShipment().withId(5202).withOrderId(5202).build();
    Shipment retry = aShipment().withId(5203).withOrderId(5202).build();
    Shipment other = aShipment().withId(5204).withOrderId(5204).build();
    Future<Boolean> winning = create(winner, claim("caller-a", "order-5202"));
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 1);
    Future<Boolean> retrying = create(retry, claim("caller-a", "order-5202"));
    Future<Boolean> unrelated = create(other, claim("caller-b", "order-5202"));
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 3);

    blocker.rollback();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(winning.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(retrying.get(30, TimeUnit.SECONDS)).as("the key is taken: nothing written").isFalse();
    assertThat(unrelated.get(30, TimeUnit.SECONDS)).as("another caller's key of the same name").isTrue();
    assertThat(shipments.findById(winner.id())).contains(winner);
    assertThat(shipments.findById(retry.id())).isEmpty();
    assertThat(queryLong("SELECT count(*) FROM tasks WHERE subject_id = 5203")).isZero();
    assertThat(module.idempotencyKeys().find("caller-a", "order-5202")).map(IdempotentOutcome::shipmentId)
        .contains(winner.id());
    assertThat(module.idempotencyKeys().find("caller-b", "order-5202")).map(IdempotentOutcome::shipmentId)
        .contains(other.id());
  }

  @Test
  void keyedCreatesInOneBatch_takeAFreeOrExpiredKey_andLeaveAHeldOneAlone() throws Exception {
    Shipment holder = aShipment().withId(5300).withOrderId(5300).build();
    Shipment expiredHolder = aShipment().withId(5301).withOrderId(5301).build();
    shipments.addWithLabelTask(holder, T0, claim("caller-a", "fresh", T0));
    shipments.addWithLabelTask(expiredHolder, T0, claim("caller-a", "expired", EXPIRED_BEFORE.minusSeconds(1)));
    Connection blocker = holdKey("caller-a", "held-5302");
    Future<Boolean> first = create(aShipment().withId(5302).withOrderId(5302).build(), claim("caller-a", "held-5302"));
    awaitStatementsWaitingOnLocks(1);
    Shipment onHeldKey = aShipment().withId(5303).withOrderId(5300).build();
    Shipment onExpiredKey = aShipment().withId(5304).withOrderId(5301).build();
    Shipment onNewKey = aShipment().withId(5305).withOrderId(5305).build();
    Shipment withoutKey = aShipment().withId(5306).withOrderId(5306).build();
    Future<Boolean> held = create(onHeldKey, claim("caller-a", "fresh"));
    Future<Boolean> expired = create(onExpiredKey, claim("caller-a", "expired"));
    Future<Boolean> fresh = create(onNewKey, claim("caller-a", "new"));
    Future<Boolean> unkeyed = create(withoutKey, null);
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 4);

    blocker.rollback();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(held.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(expired.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(fresh.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(unkeyed.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(shipments.findById(onHeldKey.id())).isEmpty();
    assertThat(shipments.findById(onExpiredKey.id())).contains(onExpiredKey);
    assertThat(shipments.findById(onNewKey.id())).contains(onNewKey);
    assertThat(shipments.findById(withoutKey.id())).contains(withoutKey);
    assertThat(module.idempotencyKeys().find("caller-a", "fresh")).map(IdempotentOutcome::shipmentId)
        .contains(holder.id());
    assertThat(module.idempotencyKeys().find("caller-a", "expired")).map(IdempotentOutcome::shipmentId)
        .contains(onExpiredKey.id());
    assertThat(queryLong("SELECT count(DISTINCT xmin::text) FROM shipments WHERE shipmentid IN (5304, 5305, 5306)"))
        .as("written by one transaction").isEqualTo(1);
  }

  @Test
  void aCallerInsideATransaction_isNotCoalesced_itRunsOnTheTransactionWhileABatchIsHeld() throws Exception {
    Connection blocker = holdKey("caller-a", "held-5501");
    Future<Boolean> first = create(aShipment().withId(5501).withOrderId(5501).build(), claim("caller-a", "held-5501"));
    awaitStatementsWaitingOnLocks(1);
    Shipment inside = aShipment().withId(5502).withOrderId(5502).build();
    JdbiTransactions transactions = new JdbiTransactions(jdbi);

    assertThatThrownBy(() -> transactions.run(() -> {
      shipments.addWithLabelTask(inside, T0);
      assertThat(shipments.findById(inside.id())).as("seen inside, before the held batch ended").contains(inside);
      throw new IllegalStateException("later step failed");
    })).hasMessage("later step failed");

    assertThat(repository.queuedCreates()).isZero();
    assertThat(first.isDone()).isFalse();
    blocker.rollback();
    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(shipments.findById(inside.id())).as("undone with its transaction").isEmpty();
  }

  @Test
  void whenTheConnectionOfABatchIsCutMidStatement_everyCallerOfTheBatchIsToldTheDatabaseIsUnavailable()
      throws Exception {
    Connection firstBlocker = holdKey("caller-a", "held-5601");
    Connection batchBlocker = holdKey("caller-a", "held-5604");
    Future<Boolean> first = create(aShipment().withId(5601).withOrderId(5601).build(), claim("caller-a", "held-5601"));
    awaitStatementsWaitingOnLocks(1);
    List<Future<Boolean>> batch = new ArrayList<>();
    batch.add(create(aShipment().withId(5602).withOrderId(5602).build(), null));
    batch.add(create(aShipment().withId(5603).withOrderId(5603).build(), null));
    batch.add(create(aShipment().withId(5604).withOrderId(5604).build(), claim("caller-a", "held-5604")));
    await().atMost(30, TimeUnit.SECONDS).until(() -> repository.queuedCreates() == 3);
    firstBlocker.rollback();
    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    awaitStatementsWaitingOnLocks(1);

    executeSql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%claim_input%'"
        + " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'");

    for (Future<Boolean> answer : batch) {
      assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).cause()
          .isInstanceOf(StorageUnavailableException.class);
    }
    batchBlocker.rollback();
    assertThat(queryLong("SELECT count(*) FROM shipments WHERE shipmentid IN (5602, 5603, 5604)")).isZero();
  }

  private Future<Boolean> create(Shipment shipment, IdempotencyClaim claim) {
    return callers.submit(() -> claim == null ? addUnkeyed(shipment) : shipments.addWithLabelTask(shipment, T0, claim));
  }

  private boolean addUnkeyed(Shipment shipment) {
    shipments.addWithLabelTask(shipment, T0);
    return true;
  }

  private static IdempotencyClaim claim(String caller, String key) {
    return claim(caller, key, T0);
  }

  private static IdempotencyClaim claim(String caller, String key, Instant claimedAt) {
    return new IdempotencyClaim(caller, key, "fingerprint", claimedAt, EXPIRED_BEFORE, "{\"answer\":\"" + key + "\"}");
  }

  /** Another program's transaction that has claimed this key and not ended: a create claiming it waits. */
  private Connection holdKey(String caller, String key) throws SQLException {
    Connection blocker = openBlocker();
    try (Statement insert = blocker.createStatement()) {
      insert.execute("INSERT INTO idempotency_keys (caller_id, idempotency_key, request_fingerprint, claimed_at)"
          + " VALUES ('" + caller + "', '" + key + "', 'other', now())");
    }
    return blocker;
  }

  private Connection openBlocker() throws SQLException {
    Connection blocker = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    blocker.setSchema(config().schema());
    blocker.setAutoCommit(false);
    blockers.add(blocker);
    return blocker;
  }

  private static void awaitStatementsWaitingOnLocks(int count) {
    await().atMost(30, TimeUnit.SECONDS).until(() -> queryLong(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
        == count);
  }
}

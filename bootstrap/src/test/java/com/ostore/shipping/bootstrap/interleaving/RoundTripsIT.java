package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API's two busiest calls cost in round trips to PostgreSQL, counted on the wire between the
 * service and the database (BEGIN, COMMIT and the pool's own checks would show too): a create is one
 * statement, a read one query (the API's read: one row), an idempotent create one, and creates that arrive
 * while one is running are coalesced: one statement, so one round trip, for all of them together.
 */
class RoundTripsIT {
  /** HikariCP checks a connection idle longer than this before lending it; the test must not count that. */
  private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final RoundTripCounter wire = new RoundTripCounter(database);
  private CoreOnDatabase service;

  @BeforeEach
  void startTheServiceThroughTheCounter() {
    String before = System.getProperty(ALIVE_BYPASS_WINDOW);
    System.setProperty(ALIVE_BYPASS_WINDOW, Long.toString(3_600_000));
    try {
      service = CoreOnDatabase.on(wire.database(), new MutableClock(T0)).carriers(FakeCarrierGateway.fedex())
          .poolSize(2).start();
    } finally {
      if (before == null) {
        System.clearProperty(ALIVE_BYPASS_WINDOW);
      } else {
        System.setProperty(ALIVE_BYPASS_WINDOW, before);
      }
    }
    // The first create reserves a block of ids; the counted ones below draw from it.
    Shipment warmUp = create(700);
    service.core().getShipment().getShipment(warmUp.id());
    wire.takeCount();
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    wire.close();
  }

  @Test
  void aCreateIsOneRoundTrip() {
    create(701);

    assertThat(wire.takeCount()).isEqualTo(1);
  }

  @Test
  void aReadIsOneRoundTrip() {
    Shipment created = create(702);
    wire.takeCount();

    Shipment read = service.core().getShipment().getShipment(created.id());

    assertThat(wire.takeCount()).isEqualTo(1);
    assertThat(read).isEqualTo(created);
  }

  @Test
  void aReadAsTheApiAnswersIsOneRoundTrip_theAnswerStoredWithTheShipment() {
    Shipment created = create(704);
    wire.takeCount();

    byte[] answer = service.core().getShipment().getShipment(created.id(), CoreOnDatabase.RENDERER);

    assertThat(wire.takeCount()).isEqualTo(1);
    assertThat(answer).isEqualTo(CoreOnDatabase.RENDERER.render(created));
  }

  @Test
  void anIdempotentCreateIsOneRoundTrip_theClaimTheCreateAndTheAnswerInOneStatement_andItsRetryTwo() {
    IdempotentRequest request = new IdempotentRequest("key:order-management", "order-703-attempt-1", "fingerprint");
    CreatedShipment created = service.core().idempotentCreateShipment().createShipment(command(703), request,
        s -> "{}");
    int firstTime = wire.takeCount();

    CreatedShipment retried = service.core().idempotentCreateShipment().createShipment(command(703), request,
        s -> "{}");

    assertThat(firstTime).isEqualTo(1);
    assertThat(wire.takeCount()).as("the claim that finds the key taken, the read of its answer").isEqualTo(2);
    assertThat(created.replayed()).isFalse();
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.shipmentId()).isEqualTo(created.shipmentId());
  }

  @Test
  void createsArrivingWhileABatchRuns_waitForIt_andAreOneRoundTripTogether() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(5);
    // A create held in the database (its key claimed by another program's open transaction) runs in one of
    // the adapter's two batch slots. Four creates arriving meanwhile are fewer than the eight that start a
    // second statement beside it: they wait for it and go in one statement once it ended.
    try (Connection blocker = holdIdempotencyKeys("key:order-management", "held-709")) {
      Future<CreatedShipment> held = callers.submit(() -> createWithKey(709, "held-709"));
      awaitStatementsWaitingOnLocks(1);
      List<Future<Shipment>> queued = submitCreates(callers, 711, 714);
      awaitThreadsWaitingForABatch(4);
      assertThat(queued).as("waiting for the held batch").noneMatch(Future::isDone);
      wire.takeCount();

      blocker.rollback();

      assertThat(held.get(30, TimeUnit.SECONDS).replayed()).isFalse();
      List<Shipment> created = new ArrayList<>();
      for (Future<Shipment> shipment : queued) {
        created.add(shipment.get(30, TimeUnit.SECONDS));
      }
      assertThat(wire.takeCount()).as("the four queued creates").isEqualTo(1);
      for (Shipment shipment : created) {
        assertThat(service.core().getShipment().getShipment(shipment.id())).isEqualTo(shipment);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void eightCreatesWaiting_goTogetherBesideAHeldBatch_withoutWaitingForIt() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(9);
    try (Connection blocker = holdIdempotencyKeys("key:order-management", "held-720")) {
      Future<CreatedShipment> held = callers.submit(() -> createWithKey(720, "held-720"));
      awaitStatementsWaitingOnLocks(1);
      wire.takeCount();

      List<Future<Shipment>> queued = submitCreates(callers, 721, 728);
      List<Shipment> created = new ArrayList<>();
      for (Future<Shipment> shipment : queued) {
        created.add(shipment.get(30, TimeUnit.SECONDS));
      }

      assertThat(wire.takeCount()).as("the eight creates, in the second slot").isEqualTo(1);
      assertThat(held).as("still held in the database").isNotDone();
      for (Shipment shipment : created) {
        assertThat(service.core().getShipment().getShipment(shipment.id())).isEqualTo(shipment);
      }
      blocker.rollback();
      assertThat(held.get(30, TimeUnit.SECONDS).replayed()).isFalse();
    } finally {
      callers.shutdownNow();
    }
  }

  /** Creates for the orders {@code first} to {@code last}, each on a caller thread of its own. */
  private List<Future<Shipment>> submitCreates(ExecutorService callers, long first, long last) {
    List<Future<Shipment>> submitted = new ArrayList<>();
    for (long order = first; order <= last; order++) {
      long orderId = order;
      submitted.add(callers.submit(() -> create(orderId)));
    }
    return submitted;
  }

  private CreatedShipment createWithKey(long orderId, String key) {
    return service.core().idempotentCreateShipment().createShipment(command(orderId),
        new IdempotentRequest("key:order-management", key, "fingerprint"), s -> "{}");
  }

  /** Another program's transaction holding idempotency keys: a create claiming one waits in the database. */
  private Connection holdIdempotencyKeys(String caller, String... keys) throws SQLException {
    DatabaseCoordinates db = database;
    Connection blocker = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    blocker.setSchema(DatabaseConfig.DEFAULT_SCHEMA);
    blocker.setAutoCommit(false);
    try (Statement insert = blocker.createStatement()) {
      for (String key : keys) {
        insert.execute("INSERT INTO idempotency_keys (caller_id, idempotency_key, request_fingerprint, claimed_at)"
            + " VALUES ('" + caller + "', '" + key + "', 'other', now())");
      }
    }
    return blocker;
  }

  private void awaitStatementsWaitingOnLocks(int count) {
    await().atMost(30, TimeUnit.SECONDS).until(() -> {
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
          database.password()); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
              + " WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
        rows.next();
        return rows.getInt(1) == count;
      }
    });
  }

  /** Callers parked in the persistence adapter's coalescer, waiting for the batch in flight to end. */
  private static void awaitThreadsWaitingForABatch(int count) {
    await().atMost(30, TimeUnit.SECONDS).until(() -> Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getState() == Thread.State.WAITING)
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(frame -> frame.getClassName().endsWith(".Coalescer")))
        .count() == count);
  }

  private Shipment create(long orderId) {
    return service.core().createShipment().createShipment(command(orderId));
  }

  private static CreateShipmentCommand command(long orderId) {
    return CreateShipmentCommand.of(OrderId.of(orderId), ShippingAddress.parse(US_ADDRESS));
  }
}

package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.adapter.in.http.ApiShipmentRenderer;
import com.ostore.shipping.adapter.out.persistence.PersistenceModule;
import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.application.service.RetryBackoff;
import com.ostore.shipping.application.service.StoragePorts;
import com.ostore.shipping.application.service.WorkSettings;
import com.ostore.shipping.application.testing.RecordingAlerter;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One service instance as bootstrap wires it (the application core over the real PostgreSQL adapter),
 * minus HTTP and the scheduler: the test calls the background work itself, on the threads it chooses.
 * Several instances may share one database, as two service instances do in production.
 */
final class CoreOnDatabase implements AutoCloseable {
  /** Retries without jitter: attempt n waits exactly {@code 10 s * 2^(n-1)}, capped at 1 h. */
  static final WorkSettings SETTINGS = new WorkSettings(10, Duration.ofMinutes(5),
      new RetryBackoff(Duration.ofSeconds(10), Duration.ofHours(1), 2.0, 0.2, () -> 0.0), Duration.ofDays(1),
      Duration.ofHours(4), Duration.ofDays(60), Duration.ofDays(1), 200, Duration.ofDays(7), Duration.ofDays(1));

  /** The API's answer kept with every shipment, as the server keeps it. */
  static final ApiShipmentRenderer RENDERER = ApiShipmentRenderer.create();

  private final DatabaseCoordinates database;
  private final PersistenceModule persistence;
  private final ShipmentTrackingCore core;

  private CoreOnDatabase(Builder builder) {
    this.database = builder.database;
    this.persistence = PersistenceModule.start(new DatabaseConfig(database.jdbcUrl(), database.username(),
        Secret.of(database.password()), builder.poolSize, Duration.ofSeconds(10)), RENDERER);
    StoragePorts storage = new StoragePorts(persistence.shipmentRepository(), persistence.trackingEventRepository(),
        builder.outbox.apply(persistence.outboxRepository()), persistence.taskQueue(), persistence.alertRepository(),
        persistence.transactions(), persistence.idempotencyKeys(), persistence.trackingCallLedger());
    this.core = new ShipmentTrackingCore(storage, builder.carriers, builder.publisher, builder.alerter,
        ShippingFixture.PREFERENCES, SETTINGS.withRelayLease(builder.relayLease).withRelayBatchSize(builder.relayBatchSize), builder.workerId, builder.clock);
  }

  static Builder on(DatabaseCoordinates database, MutableClock clock) {
    return new Builder(database, clock);
  }

  ShipmentTrackingCore core() {
    return core;
  }

  /** The ids of the events waiting in the outbox, oldest first. */
  List<UUID> unsentEventIds() {
    return persistence.outboxRepository().unsent(1000).stream().map(ShipmentEvent::eventId).toList();
  }

  /** Client sessions of this database, other than the asking one, with a transaction open right now. */
  long openTransactions() {
    return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL");
  }

  /** Advisory locks held in this database right now. */
  long advisoryLocks() {
    return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  }

  private long count(String sql) {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many statements wait for a lock another transaction holds right now. */
  long lockWaits() {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    persistence.close();
  }

  /** What the instance is wired with; anything not given is a recording fake. */
  static final class Builder {
    private final DatabaseCoordinates database;
    private final MutableClock clock;
    private final List<CarrierGateway> carriers = new ArrayList<>();
    private String workerId = "instance-1";
    private OnCallAlerter alerter = new RecordingAlerter();
    private EventPublisher publisher = new RecordingEventPublisher();
    private UnaryOperator<OutboxRepository> outbox = UnaryOperator.identity();
    private Duration relayLease = SETTINGS.relayLease();
    private int relayBatchSize = SETTINGS.relayBatchSize();
    private int poolSize = 4;

    private Builder(DatabaseCoordinates database, MutableClock clock) {
      this.database = database;
      this.clock = clock;
    }

    Builder worker(String id) {
      this.workerId = id;
      return this;
    }

    Builder carriers(CarrierGateway... gateways) {
      carriers.addAll(List.of(gateways));
      return this;
    }

    Builder alerter(OnCallAlerter onCall) {
      this.alerter = onCall;
      return this;
    }

    Builder publisher(EventPublisher events) {
      this.publisher = events;
      return this;
    }

    /** Wraps the real outbox, e.g. to stop a transaction right after it appended an event. */
    Builder outbox(UnaryOperator<OutboxRepository> wrapper) {
      this.outbox = wrapper;
      return this;
    }

    /** How long this instance's relay holds the relay lease for a batch (by the database's clock). */
    Builder relayLease(Duration lease) {
      this.relayLease = lease;
      return this;
    }

    /** How many events this instance's relay sends in one batch. */
    Builder relayBatchSize(int events) {
      this.relayBatchSize = events;
      return this;
    }

    /** How many connections the instance's pool holds. */
    Builder poolSize(int connections) {
      this.poolSize = connections;
      return this;
    }

    CoreOnDatabase start() {
      return new CoreOnDatabase(this);
    }
  }
}

package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.CarrierRepository;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.OutboxSignal;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The PostgreSQL persistence adapter, ready to use: a connection pool, the service's schema migrated to
 * the latest version ({@link Migrations}), and every persistence port built over one Jdbi. Every connection sees only that
 * schema (its search path), so nothing outside it is read or written. Close it to release the pool.
 */
public final class PersistenceModule implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final ShipmentRepository shipments;
  private final CarrierRepository carriers;
  private final TrackingEventRepository trackingEvents;
  private final TrackingCallLedger trackingCalls;
  private final OutboxRepository outbox;
  private final TaskQueue tasks;
  private final AlertRepository alerts;
  private final Transactions transactions;
  private final IdempotencyKeys idempotencyKeys;
  private final OutboxListener outboxListener;
  private final DatabaseConfig config;
  private final boolean validated;

  private PersistenceModule(HikariDataSource dataSource, Jdbi jdbi, DatabaseConfig config, boolean validated,
      StoredRenderings renderings) {
    this.dataSource = dataSource;
    this.config = config;
    this.validated = validated;
    this.jdbi = jdbi;
    this.shipments = OutageGuard.guard(ShipmentRepository.class,
        new JdbiShipmentRepository(jdbi, dataSource, renderings));
    this.carriers = OutageGuard.guard(CarrierRepository.class, new JdbiCarrierRepository(jdbi));
    this.trackingEvents = OutageGuard.guard(TrackingEventRepository.class, new JdbiTrackingEventRepository(jdbi));
    this.trackingCalls = OutageGuard.guard(TrackingCallLedger.class, new JdbiTrackingCallLedger(jdbi));
    this.outbox = OutageGuard.guard(OutboxRepository.class,
        new JdbiOutboxRepository(jdbi, config.relayLockKey(), config.orderLockSpace()));
    this.tasks = OutageGuard.guard(TaskQueue.class, new JdbiTaskQueue(jdbi));
    this.alerts = OutageGuard.guard(AlertRepository.class, new JdbiAlertRepository(jdbi));
    this.transactions = OutageGuard.guard(Transactions.class, new JdbiTransactions(jdbi));
    this.idempotencyKeys = OutageGuard.guard(IdempotencyKeys.class, new JdbiIdempotencyKeys(jdbi));
    this.outboxListener = new OutboxListener(config);
  }

  /**
   * Connects, creates and migrates the schema and builds the ports; fails fast when the database is
   * unreachable or the schema belongs to someone else.
   */
  public static PersistenceModule start(DatabaseConfig config) {
    return start(config, StoredRenderings.NONE);
  }

  /**
   * As {@link #start(DatabaseConfig)}, keeping {@code renderer}'s answer with every shipment written, so that
   * {@link ShipmentRepository#findRendered} in its format is one row (the HTTP adapter's
   * {@code ApiShipmentRenderer}, for the API's reads).
   */
  public static PersistenceModule start(DatabaseConfig config, ShipmentRenderer renderer) {
    return start(config, new StoredRenderings(Objects.requireNonNull(renderer, "renderer")));
  }

  private static PersistenceModule start(DatabaseConfig config, StoredRenderings renderings) {
    HikariDataSource dataSource = new HikariDataSource(hikariConfig(config));
    try {
      SchemaOwnership.check(dataSource, config.schema());
      boolean validated = Migrations.migrate(dataSource, config);
      Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
      return new PersistenceModule(dataSource, jdbi, config, validated, renderings);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariConfig hikariConfig(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("ostore-shipping-db");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.username());
    hikari.setPassword(config.password().reveal());
    hikari.setSchema(config.schema());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    DatabaseTimeouts timeouts = config.timeouts();
    // The PostgreSQL driver takes the socket timeout in whole seconds; round up so it never undercuts.
    hikari.addDataSourceProperty("socketTimeout", Long.toString((timeouts.socketTimeout().toMillis() + 999) / 1000));
    hikari.addDataSourceProperty("tcpKeepAlive", Boolean.toString(timeouts.tcpKeepAlive()));
    hikari.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statementTimeout().toMillis()
        + " -c idle_in_transaction_session_timeout=" + timeouts.idleInTransactionTimeout().toMillis());
    // A dead connection must be found out in well under the time a caller waits for one.
    hikari.setValidationTimeout(250);
    return hikari;
  }

  public ShipmentRepository shipmentRepository() {
    return shipments;
  }

  public CarrierRepository carrierRepository() {
    return carriers;
  }

  public TrackingCallLedger trackingCallLedger() {
    return trackingCalls;
  }

  public TrackingEventRepository trackingEventRepository() {
    return trackingEvents;
  }

  /** The outbox; its {@code lockOrderEvents} must be called inside {@link #transactions()}. */
  public OutboxRepository outboxRepository() {
    return outbox;
  }

  /**
   * Wakes the relay when events are appended to this installation's outbox, by any instance (LISTEN on a
   * connection of its own, opened on the first wait, outside the pool).
   */
  public OutboxSignal outboxSignal() {
    return outboxListener;
  }

  public TaskQueue taskQueue() {
    return tasks;
  }

  /** Alert state shared by every instance on this database, keyed by cause. */
  public AlertRepository alertRepository() {
    return alerts;
  }

  /** Idempotency keys of create requests; claims must be made inside {@link #transactions()}. */
  public IdempotencyKeys idempotencyKeys() {
    return idempotencyKeys;
  }

  /** The transaction boundary every repository above takes part in. */
  public Transactions transactions() {
    return transactions;
  }

  /**
   * Has Flyway check that the schema's applied migrations are exactly this release's, unchanged, when the
   * start found them all applied and skipped Flyway (the usual restart); call it once the service serves.
   *
   * @throws RuntimeException naming the mismatch
   */
  public void validateMigrations() {
    if (!validated) {
      Migrations.validate(config);
    }
  }

  /** Read-only queue and outbox figures for metrics, ages measured with {@code clock}. */
  public WorkStatistics workStatistics(Clock clock) {
    return new WorkStatistics(jdbi, clock);
  }

  /** Whether a connection can be had and answers a query now (for readiness checks); never throws. */
  public boolean isDatabaseReachable() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    outboxListener.close();
    dataSource.close();
  }
}

package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.CarrierRepository;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The PostgreSQL persistence adapter, ready to use: a connection pool, the schema migrated to the
 * latest version, and every persistence port built over one Jdbi. Close it to release the pool.
 */
public final class PersistenceModule implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final ShipmentRepository shipments;
  private final CarrierRepository carriers;
  private final TrackingEventRepository trackingEvents;
  private final OutboxRepository outbox;
  private final TaskQueue tasks;
  private final Transactions transactions;

  private PersistenceModule(HikariDataSource dataSource, Jdbi jdbi) {
    this.dataSource = dataSource;
    this.jdbi = jdbi;
    this.shipments = OutageGuard.guard(ShipmentRepository.class, new JdbiShipmentRepository(jdbi));
    this.carriers = OutageGuard.guard(CarrierRepository.class, new JdbiCarrierRepository(jdbi));
    this.trackingEvents = OutageGuard.guard(TrackingEventRepository.class, new JdbiTrackingEventRepository(jdbi));
    this.outbox = OutageGuard.guard(OutboxRepository.class, new JdbiOutboxRepository(jdbi));
    this.tasks = OutageGuard.guard(TaskQueue.class, new JdbiTaskQueue(jdbi));
    this.transactions = OutageGuard.guard(Transactions.class, new JdbiTransactions(jdbi));
  }

  /** Connects, migrates the schema and builds the ports; fails fast when the database is unreachable. */
  public static PersistenceModule start(DatabaseConfig config) {
    HikariDataSource dataSource = new HikariDataSource(hikariConfig(config));
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
      return new PersistenceModule(dataSource, jdbi);
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
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
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

  public TrackingEventRepository trackingEventRepository() {
    return trackingEvents;
  }

  /** The outbox; its {@code tryLockForRelay()} must be called inside {@link #transactions()}. */
  public OutboxRepository outboxRepository() {
    return outbox;
  }

  public TaskQueue taskQueue() {
    return tasks;
  }

  /** The transaction boundary every repository above takes part in. */
  public Transactions transactions() {
    return transactions;
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
    dataSource.close();
  }
}

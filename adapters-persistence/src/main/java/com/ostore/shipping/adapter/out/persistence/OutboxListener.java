package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.OutboxSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox signal over PostgreSQL's LISTEN/NOTIFY: appending to the outbox notifies the installation's
 * channel when the transaction commits (a trigger of migration V63), and this listener hears it on a
 * connection of its own, outside the pool, that never runs a transaction. While that connection is down
 * it waits out the timeout (the relay then polls) and tries again; a new connection counts as a wake-up,
 * since appends may have gone unheard meanwhile.
 */
final class OutboxListener implements OutboxSignal, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);
  /** The longest one wait on the connection lasts, so closing never waits for a long timeout. */
  private static final Duration SLICE = Duration.ofMillis(500);

  private final DatabaseConfig config;
  private final String channel;
  private Connection connection;
  private boolean reportedDown;
  private volatile boolean closed;

  OutboxListener(DatabaseConfig config) {
    this.config = config;
    this.channel = config.outboxChannel();
  }

  @Override
  public void awaitAppend(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      if (connection == null) {
        if (connect()) {
          return;
        }
        Thread.sleep(Math.max(1, Math.min(left, SLICE.toNanos()) / 1_000_000));
        continue;
      }
      if (heard(Duration.ofNanos(Math.min(left, SLICE.toNanos())))) {
        return;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private synchronized boolean heard(Duration wait) {
    try {
      var notifications = connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, wait.toMillis()));
      return notifications != null && notifications.length > 0;
    } catch (SQLException e) {
      if (!closed && !reportedDown) {
        LOG.warn("lost the outbox notification connection ({}); the relay polls until it is back", e.getMessage());
        reportedDown = true;
      }
      disconnect();
      return true;
    }
  }

  private synchronized boolean connect() {
    if (closed) {
      return false;
    }
    Properties properties = new Properties();
    properties.setProperty("user", config.username());
    properties.setProperty("password", config.password().reveal());
    properties.setProperty("ApplicationName", "ostore-shipping outbox listener");
    properties.setProperty("connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
    properties.setProperty("tcpKeepAlive", "true");
    try {
      Connection opened = new Driver().connect(config.jdbcUrl(), properties);
      try (Statement listen = opened.createStatement()) {
        listen.execute("LISTEN " + channel);
      } catch (SQLException e) {
        opened.close();
        throw e;
      }
      connection = opened;
      if (reportedDown) {
        LOG.info("listening for outbox notifications again");
        reportedDown = false;
      }
      return true;
    } catch (SQLException e) {
      if (!reportedDown) {
        LOG.warn("cannot listen for outbox notifications ({}); the relay polls until it can", e.getMessage());
        reportedDown = true;
      }
      return false;
    }
  }

  private void disconnect() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // it is gone either way
    }
    connection = null;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      disconnect();
    }
  }
}

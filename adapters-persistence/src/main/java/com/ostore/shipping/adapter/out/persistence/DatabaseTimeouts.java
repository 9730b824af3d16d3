package com.ostore.shipping.adapter.out.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the database may keep a connection waiting, so a dead connection is noticed instead of
 * holding a worker, a row lock or the relay's advisory lock forever.
 *
 * <ul>
 *   <li>{@code statementTimeout}: the server cancels any statement running longer.
 *   <li>{@code idleInTransactionTimeout}: the server ends a session that sits in an open transaction
 *       this long without a statement, releasing its locks; the one for a client that vanished (a
 *       half-open connection). It must exceed the longest legitimate pause inside a transaction: the
 *       outbox relay waits for the broker while holding its lock.
 *   <li>{@code socketTimeout}: the client gives up on a connection that answers nothing for this long.
 *       It exceeds the statement timeout, so a slow statement is cancelled by the server (the
 *       connection survives) before the client drops the connection.
 *   <li>{@code tcpKeepAlive}: TCP keepalive probes on idle connections.
 * </ul>
 */
public record DatabaseTimeouts(
    Duration socketTimeout, Duration statementTimeout, Duration idleInTransactionTimeout, boolean tcpKeepAlive) {

  public DatabaseTimeouts {
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(idleInTransactionTimeout, "idleInTransactionTimeout");
    if (statementTimeout.toMillis() < 1 || idleInTransactionTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("the statement and idle-in-transaction timeouts must be at least 1 ms");
    }
    if (socketTimeout.compareTo(statementTimeout) <= 0) {
      throw new IllegalArgumentException("the socket timeout must be longer than the statement timeout");
    }
  }

  /** 30 s per statement, 60 s idle in a transaction, 45 s of silence on a socket, keepalive on. */
  public static DatabaseTimeouts defaults() {
    return new DatabaseTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(30), Duration.ofSeconds(60), true);
  }
}

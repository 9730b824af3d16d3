package com.ostore.shipping.bootstrap.interleaving;

import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the service and PostgreSQL that counts round trips: each time a client speaks
 * after the server has (or first), that is one more request waiting for its answer. It sees everything
 * the driver sends, BEGIN and COMMIT and the pool's own checks included, without parsing the protocol.
 */
final class RoundTripCounter implements AutoCloseable {
  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final DatabaseCoordinates through;

  RoundTripCounter(DatabaseCoordinates database) {
    URI url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    this.upstreamHost = url.getHost();
    this.upstreamPort = url.getPort();
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.through = new DatabaseCoordinates("jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + url.getPath(),
        database.username(), database.password());
    Thread acceptor = new Thread(this::accept, "round-trip-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The same database, reached through this counter. */
  DatabaseCoordinates database() {
    return through;
  }

  /** Round trips since the last call. */
  int takeCount() {
    return roundTrips.getAndSet(0);
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket client = server.accept();
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        boolean[] serverSpokeLast = {true};
        pump(client, upstream, () -> {
          synchronized (serverSpokeLast) {
            if (serverSpokeLast[0]) {
              roundTrips.incrementAndGet();
              serverSpokeLast[0] = false;
            }
          }
        });
        pump(upstream, client, () -> {
          synchronized (serverSpokeLast) {
            serverSpokeLast[0] = true;
          }
        });
      }
    } catch (IOException closed) {
      // the counter is closed
    }
  }

  /** Copies one direction; {@code beforeForwarding} runs before each chunk goes on, so it is counted in time. */
  private static void pump(Socket from, Socket to, Runnable beforeForwarding) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          beforeForwarding.run();
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException closed) {
        // one side closed
      } finally {
        try {
          to.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }, "round-trip-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}

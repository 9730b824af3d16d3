package com.ostore.shipping.sandbox.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a freshly started broker serves metadata, or says why it never will. */
final class BrokerReadiness {
  private static final Duration POLL = Duration.ofMillis(200);

  private BrokerReadiness() {}

  /** Returns when the broker answers describeCluster with itself; throws if it died or took too long. */
  static void await(Process process, int port, Duration timeout, BrokerFiles files) {
    Instant deadline = Instant.now().plus(timeout);
    // Wait for the port quietly first: an AdminClient aimed at a closed port logs a warning per retry.
    while (!accepts(port)) {
      check(process, deadline, files);
      pause();
    }
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        check(process, deadline, files);
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException notYet) {
          pause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
      }
    }
  }

  private static void check(Process process, Instant deadline, BrokerFiles files) {
    if (!process.isAlive()) {
      throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ":\n" + files.logTail());
    }
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException("the Kafka broker did not become ready in time:\n" + files.logTail());
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }
}

package com.ostore.shipping.sandbox.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in a child JVM, for tests and the local run. Its ports are
 * fixed when it is created, so {@link #stop()} then {@link #start()} comes back at the same address.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final BrokerFiles files;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;
  private volatile int advertisedPort;
  private final Thread shutdownHook = new Thread(this::kill, "kafka-broker-shutdown");
  private BrokerJvm jvm;
  private volatile Process process;
  private boolean hookRegistered;

  private KafkaBroker(Path directory, boolean temporary, int port) {
    this.files = new BrokerFiles(directory);
    this.temporary = temporary;
    this.port = port == 0 ? FreePort.pick() : port;
    this.controllerPort = FreePort.pick();
    this.advertisedPort = this.port;
  }

  /** A broker in a fresh temporary directory, deleted by {@link #close()}: for tests. */
  public static KafkaBroker temporary() {
    try {
      return new KafkaBroker(Files.createTempDirectory("ostore-kafka-"), true, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
    }
  }

  /** A broker whose data survives restarts (the local run uses {@code ./.data/kafka}); port 0 picks a free one. */
  public static KafkaBroker persistent(Path directory, int port) {
    return new KafkaBroker(directory, false, port);
  }

  /** Starts the broker (formatting its directory the first time) and returns once it serves clients. */
  public synchronized KafkaBroker start() {
    if (isRunning()) {
      return this;
    }
    files.writeConfiguration(port, advertisedPort, controllerPort);
    if (jvm == null) {
      jvm = new BrokerJvm(files);
    }
    if (!files.isFormatted()) {
      jvm.format(Uuid.randomUuid().toString());
    }
    if (!hookRegistered) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookRegistered = true;
    }
    process = jvm.startBroker();
    try {
      BrokerReadiness.await(process, port, START_TIMEOUT, files);
    } catch (RuntimeException e) {
      kill();
      throw e;
    }
    return this;
  }

  /**
   * From the next start on, tells clients to connect to {@code port} on 127.0.0.1 instead of the broker's
   * own port: a relay listening there (a TCP proxy a test can cut) then carries every connection.
   * {@link #bootstrapServers()} still names the broker's own port.
   */
  public synchronized KafkaBroker advertising(int port) {
    this.advertisedPort = port;
    return this;
  }

  /** Stops the broker, gracefully if it shuts down within a grace period, otherwise forcibly. */
  public synchronized void stop() {
    kill();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** {@code 127.0.0.1:<port>}; the same before, during and after restarts. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path directory() {
    return files.directory();
  }

  /** Stops the broker and, for a temporary one, deletes its directory. */
  @Override
  public synchronized void close() {
    kill();
    if (hookRegistered) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already shutting down; the hook has done or will do the same work.
      }
      hookRegistered = false;
    }
    if (temporary) {
      deleteRecursively(files.directory());
    }
  }

  private void kill() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}

package com.ostore.shipping.sandbox.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files of one broker directory: its configuration, logging setup, log file and data. */
final class BrokerFiles {
  private static final long MAX_LOG_BYTES = 10L * 1024 * 1024;

  private final Path directory;

  BrokerFiles(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  Path directory() {
    return directory;
  }

  Path serverProperties() {
    return directory.resolve("server.properties");
  }

  Path logbackXml() {
    return directory.resolve("logback.xml");
  }

  Path brokerLog() {
    return directory.resolve("broker.log");
  }

  Path dataDir() {
    return directory.resolve("data");
  }

  /** The storage tool writes meta.properties; its presence means the directory was formatted. */
  boolean isFormatted() {
    return Files.exists(dataDir().resolve("meta.properties"));
  }

  /**
   * Rewritten on every start: ports may differ between runs of the persistent broker. Clients are told
   * to connect to {@code advertisedPort}, which differs from {@code brokerPort} only when a relay sits
   * in front of the broker.
   */
  void writeConfiguration(int brokerPort, int advertisedPort, int controllerPort) {
    try {
      Files.createDirectories(dataDir());
      // The persistent broker appends to one log across runs; keep one older generation only.
      if (Files.exists(brokerLog()) && Files.size(brokerLog()) > MAX_LOG_BYTES) {
        Files.move(brokerLog(), directory.resolve("broker.log.old"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(serverProperties(), serverPropertiesText(brokerPort, advertisedPort, controllerPort));
      Files.writeString(logbackXml(), LOGBACK_XML);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker configuration in " + directory, e);
    }
  }

  /** The last lines of the broker log, to explain a failed start. */
  String logTail() {
    try {
      var lines = Files.readAllLines(brokerLog());
      return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no broker log at " + brokerLog() + ")";
    }
  }

  private String serverPropertiesText(int brokerPort, int advertisedPort, int controllerPort) {
    // A static voter set (not --standalone) keeps the quorum independent of the ports, so a persistent
    // directory can be reused by a later run that picked other ports.
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%4$d
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        log.dirs=%3$s
        auto.create.topics.enable=true
        num.partitions=1
        default.replication.factor=1
        min.insync.replicas=1
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        transaction.state.log.num.partitions=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        num.network.threads=2
        num.io.threads=2
        background.threads=2
        num.recovery.threads.per.data.dir=1
        log.cleaner.threads=1
        log.cleaner.dedupe.buffer.size=4194304
        log.segment.bytes=16777216
        log.retention.hours=168
        """.formatted(brokerPort, controllerPort, dataDir().toString().replace('\\', '/'), advertisedPort);
  }

  private static final String LOGBACK_XML = """
      <configuration>
        <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{ISO8601} %-5level %logger{36} - %msg%n</pattern></encoder>
        </appender>
        <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
        <logger name="kafka.server.BrokerServer" level="INFO"/>
        <root level="WARN"><appender-ref ref="OUT"/></root>
      </configuration>
      """;
}

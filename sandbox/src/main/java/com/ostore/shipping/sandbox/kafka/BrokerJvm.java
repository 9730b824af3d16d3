package com.ostore.shipping.sandbox.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Launches Kafka's own main classes in a child JVM, with the classpath written at build time. */
final class BrokerJvm {
  static final String CLASSPATH_RESOURCE = "ostore-sandbox/kafka-broker.classpath";

  private final BrokerFiles files;
  private final String classpath;

  BrokerJvm(BrokerFiles files) {
    this.files = files;
    this.classpath = readClasspath();
  }

  /** Runs {@code kafka.tools.StorageTool format} and fails if it does not succeed. */
  void format(String clusterId) {
    Process process = launch("kafka.tools.StorageTool", "format", "--config", files.serverProperties().toString(),
        "--cluster-id", clusterId, "--ignore-formatted");
    try {
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("formatting " + files.dataDir() + " failed (exit " + exit + "):\n"
            + files.logTail());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting the Kafka log directory", e);
    }
  }

  Process startBroker() {
    return launch("kafka.Kafka", files.serverProperties().toString());
  }

  private Process launch(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-Dlogback.configurationFile=" + files.logbackXml(), "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command)
          .directory(files.directory().toFile())
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(files.brokerLog().toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass + " in a child JVM", e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String readClasspath() {
    try (InputStream in = BrokerJvm.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the sandbox module with Maven");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
    }
  }
}

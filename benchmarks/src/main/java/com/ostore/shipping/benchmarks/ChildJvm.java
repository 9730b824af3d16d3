package com.ostore.shipping.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A JVM the benchmark starts as a separate process (the production jar, or the bare baseline), so its
 * memory is its own to measure: {@code /proc/<pid>/status} gives the resident set now and at its peak.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final long startedNanos;
  private final Path log;
  private final int port;

  private ChildJvm(Process process, long startedNanos, Path log, int port) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.log = log;
    this.port = port;
  }

  /** The same process, noting the HTTP port it was told to listen on. */
  ChildJvm withPort(int httpPort) {
    return new ChildJvm(process, startedNanos, log, httpPort);
  }

  int port() {
    return port;
  }

  /**
   * {@code java <jvmFlags> <launch...>} with {@code environment} added to ours; output goes to {@code log},
   * which is started afresh (each run names its own logs, and a loaded service's access log is about a
   * gigabyte a run, which appending piled up).
   */
  static ChildJvm start(List<String> jvmFlags, List<String> launch, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmFlags);
    command.addAll(launch);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().putAll(environment);
      long started = System.nanoTime();
      return new ChildJvm(builder.start(), started, log, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /** The JVM flags as one string splits them (the README's recommendation is written that way). */
  static List<String> flags(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
  }

  /** The class path this JVM was given: exec:java loads the project through a URLClassLoader. */
  static String classPath() {
    ClassLoader loader = ChildJvm.class.getClassLoader();
    if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      return Arrays.stream(urls.getURLs()).map(ChildJvm::path).collect(Collectors.joining(java.io.File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  private static String path(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  long startedNanos() {
    return startedNanos;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Resident set size now, in MiB ({@code VmRSS}). */
  double rssMib() {
    return statusKib("VmRSS") / 1024.0;
  }

  /** The largest resident set size this process has had, in MiB ({@code VmHWM}). */
  double peakRssMib() {
    return statusKib("VmHWM") / 1024.0;
  }

  private long statusKib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Asks it to stop (SIGTERM, as an orchestrator would) and waits; kills it if it does not. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

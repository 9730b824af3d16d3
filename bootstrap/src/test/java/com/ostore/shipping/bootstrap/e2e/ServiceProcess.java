package com.ostore.shipping.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.ShipmentTrackingMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production entry point in a child JVM, configured only through environment variables, so a
 * test can kill it the way an orchestrator or an out-of-memory kill does: no shutdown, no clean-up.
 */
final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@link ShipmentTrackingMain} with {@code environment} and waits until it is ready. */
  static ServiceProcess start(Map<String, String> environment) {
    int port = freePort();
    try {
      Path target = Path.of("target");
      Path log = Files.isDirectory(target) ? Files.createTempFile(target, "service-process-", ".log")
          : Files.createTempFile("ostore-service-process-", ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), ShipmentTrackingMain.class.getName()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().put("PORT", Integer.toString(port));
      ServiceProcess service = new ServiceProcess(builder.start(), port, log);
      service.awaitReady();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the service in a child JVM", e);
    }
  }

  private void awaitReady() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .failFast("the service process exited; see " + log, () -> !process.isAlive())
        .until(() -> send(HttpRequest.newBuilder(uri("/health/ready")).GET().build()).statusCode() == 200);
  }

  HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** SIGKILL: the process gets no chance to finish or hand back its work. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the service process did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}

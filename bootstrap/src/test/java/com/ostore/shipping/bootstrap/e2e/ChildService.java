package com.ostore.shipping.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.bootstrap.ShipmentTrackingMain;
import com.ostore.shipping.bootstrap.local.Sandbox;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production main class run in its own JVM against a sandbox, so a test can kill it the hard way
 * (kill -9: no shutdown hook, no finally block, leases left behind). Its output goes to a file.
 */
final class ChildService implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final String apiKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ChildService(Process process, int port, Path log, String apiKey) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.apiKey = apiKey;
  }

  /** Starts {@link ShipmentTrackingMain} with the test environment plus {@code overrides}; returns once it is live. */
  static ChildService start(Sandbox sandbox, Map<String, String> overrides, Path log) {
    int port = freePort();
    Map<String, String> env = new HashMap<>(overrides);
    env.put("PORT", Integer.toString(port));
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-cp", classPath(),
        ShipmentTrackingMain.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(createParents(log).toFile()));
    builder.environment().putAll(ServiceUnderTest.testEnvironment(sandbox, env));
    ChildService child;
    try {
      child = new ChildService(builder.start(), port, log, sandbox.apiKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      // Generous: a JVM starting on a machine whose two cores are busy with the rest of the suite is slow.
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(child::isLive);
    } catch (RuntimeException e) {
      child.close();
      throw new AssertionError("the child service did not start; see " + log, e);
    }
    return child;
  }

  /** Kills the JVM without warning, as the OOM killer or a lost machine would. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM, as an orchestrator stopping the instance would, and returns at once. */
  void terminate() {
    process.destroy();
  }

  /** Whether the JVM has exited by itself within {@code patience}. */
  boolean exitsWithin(Duration patience) {
    try {
      return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  long createShipment(String body) {
    HttpResponse<String> response = send(authorized("/shipments")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    if (response.statusCode() != 201) {
      throw new AssertionError("expected 201 but got " + response.statusCode() + ": " + response.body());
    }
    return ServiceUnderTest.json(response).get("shipmentID").asLong();
  }

  JsonNode getJson(String path) {
    return ServiceUnderTest.json(send(authorized(path).GET().build()));
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + apiKey);
  }

  private boolean isLive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the child service exited with " + process.exitValue() + "; see " + log);
    }
    try {
      return http.send(HttpRequest.newBuilder(uri("/health/live")).GET().timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Failsafe runs tests from a manifest-only jar; it names the real class path in this property. */
  static String classPath() {
    String testClassPath = System.getProperty("surefire.test.class.path");
    return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path createParents(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return file;
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

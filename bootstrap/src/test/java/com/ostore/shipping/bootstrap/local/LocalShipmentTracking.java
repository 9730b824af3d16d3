package com.ostore.shipping.bootstrap.local;

import com.ostore.shipping.bootstrap.ShipmentTrackingServer;
import com.ostore.shipping.bootstrap.StartupFailure;
import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: the service with embedded PostgreSQL and Kafka (data kept in
 * {@code .data/}) and the FedEx and USPS simulators, so it serves its API with nothing but a JDK and
 * Maven. Variables set in the environment win over the sandbox's. The pace is quickened (tracking every
 * minute, a carrier scan every two minutes) so a person sees packages move; set TRACKING_INTERVAL etc.
 * to slow it down. If anything fails to start, everything already started is stopped and the process
 * exits non-zero with the cause in one line: the simulators' threads would otherwise keep it waiting
 * silently. It makes up an API key for the run and prints it with a request ready to paste.
 */
public final class LocalShipmentTracking {
  private LocalShipmentTracking() {}

  public static void main(String[] args) throws InterruptedException {
    Sandbox sandbox = null;
    ShipmentTrackingServer server;
    Map<String, String> environment = new HashMap<>(Map.of(
        "TRACKING_INTERVAL", "1m",
        "TRACKING_SPREAD", "10s",
        // At most half the interval; the default of an hour would stop the local run at start.
        "TRACKING_EARLY_WINDOW", "20s",
        "RETRY_INITIAL", "2s",
        "RETRY_MAX", "1m",
        "USPS_RATE_LIMIT_CALLS", "100000"));
    try {
      Path data = Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", ".data"));
      int kafkaPort = Integer.parseInt(System.getenv().getOrDefault("LOCAL_KAFKA_PORT", "9092"));
      sandbox = Sandbox.persistent(data, kafkaPort, Duration.ofMinutes(2));
      environment.putAll(sandbox.environment());
      if (credentialsFromEnvironment()) {
        environment.remove("API_KEYS");
      }
      environment.putAll(System.getenv());
      // The server stops whatever it had started before it throws.
      server = ShipmentTrackingServer.start(EnvironmentConfig.read(environment, Clock.systemUTC()));
    } catch (RuntimeException | Error e) {
      if (sandbox != null) {
        sandbox.close();
      }
      System.exit(StartupFailure.report(e));
      return;
    }
    Sandbox started = sandbox;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      started.close();
      stopped.countDown();
    }, "local-shutdown"));
    System.out.printf("%nOStore shipment tracking is up: http://localhost:%d (events on Kafka %s, topic %s)%n%n",
        server.port(), started.kafka().bootstrapServers(), environment.getOrDefault("KAFKA_TOPIC",
            "shipment-tracking-events"));
    System.out.print(developmentKeyNotice(started, server.port()));
    stopped.await();
  }

  /** The key made up for this run and a request to paste, unless the environment brought credentials of its own. */
  private static String developmentKeyNotice(Sandbox sandbox, int port) {
    if (credentialsFromEnvironment()) {
      return String.format("Credentials come from your environment (API_KEYS, API_KEYS_FILE or AUTH_*).%n%n");
    }
    return """
        Development API key for this run (every scope; a new one at each start):

          export OSTORE_API_KEY=%s

        then, for example:

          curl -s -i -X POST localhost:%d/shipments -H "Authorization: Bearer $OSTORE_API_KEY" \\
            -H 'Content-Type: application/json' \\
            -d '{"orderID": 123, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "shipmentStatus": "pending"}'

        """.formatted(sandbox.apiKey(), port);
  }

  private static boolean credentialsFromEnvironment() {
    return List.of("API_KEYS", "API_KEYS_FILE", "AUTH_JWKS_URL", "AUTH_DISABLED").stream()
        .anyMatch(name -> System.getenv(name) != null);
  }
}

package com.ostore.shipping.bootstrap;

import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import java.time.Clock;

/**
 * The production entry point: configuration from environment variables, stops cleanly on SIGTERM. A
 * start that fails ends the process with a non-zero status and the cause in one line.
 */
public final class ShipmentTrackingMain {
  private ShipmentTrackingMain() {}

  public static void main(String[] args) {
    ShipmentTrackingServer server;
    try {
      // The server stops whatever it had started before it throws.
      server = ShipmentTrackingServer.start(EnvironmentConfig.read(System.getenv(), Clock.systemUTC()));
    } catch (RuntimeException | Error e) {
      System.exit(StartupFailure.report(e));
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }
}

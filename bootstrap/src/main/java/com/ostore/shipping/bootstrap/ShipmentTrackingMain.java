package com.ostore.shipping.bootstrap;

import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import com.ostore.shipping.bootstrap.config.InvalidConfigurationException;
import com.ostore.shipping.bootstrap.config.ServiceConfig;
import java.time.Clock;

/** The production entry point: configuration from environment variables, stops cleanly on SIGTERM. */
public final class ShipmentTrackingMain {
  private ShipmentTrackingMain() {}

  public static void main(String[] args) {
    ServiceConfig config;
    try {
      config = EnvironmentConfig.read(System.getenv(), Clock.systemUTC());
    } catch (InvalidConfigurationException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ShipmentTrackingServer server = ShipmentTrackingServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }
}

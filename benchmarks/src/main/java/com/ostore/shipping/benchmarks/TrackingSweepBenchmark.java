package com.ostore.shipping.benchmarks;

import com.ostore.shipping.adapter.out.carrier.fedex.FedexCarrierGateway;
import com.ostore.shipping.adapter.out.carrier.usps.UspsCarrierGateway;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.bootstrap.ShipmentTrackingServer;
import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import com.ostore.shipping.bootstrap.config.ServiceConfig;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Weight;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The tracking sweep under load: N labelled packages, carriers answering with a set latency, one day
 * passes, and the daily run tracks them all. Reports packages per second, carrier calls per package and
 * the relay latency from state change to a consumer, each next to a bare baseline measured in the same
 * run ({@link BareTrackingBaseline}: the same carrier calls, storing scans, statuses, next runs and outbox
 * rows in batched statements on the same database; a plain producer-to-consumer hop).
 *
 * <p>Run: {@code mvn -q -pl benchmarks exec:java@sweep -Dpackages=2000 -DlatencyMs=50} (see README).
 */
public final class TrackingSweepBenchmark {
  private static final String ADDRESS = "350 Fifth Avenue, New York, NY 10118, US";

  private TrackingSweepBenchmark() {}

  public static void main(String[] args) throws Exception {
    int packages = Integer.getInteger("packages", 2000);
    Duration latency = Duration.ofMillis(Long.getLong("latencyMs", 50));
    ShiftableClock clock = new ShiftableClock();
    try (Sandbox sandbox = Sandbox.temporary(clock, Duration.ofHours(6))) {
      Map<String, String> env = new HashMap<>(sandbox.environment());
      env.put("METRICS_PORT", "0");
      env.putAll(Map.of("PORT", "0", "POLL_INTERVAL", "50ms", "RELAY_INTERVAL", "20ms", "LABEL_WORKERS", "8",
          "USPS_RATE_LIMIT_CALLS", "1000000", "FEDEX_RATE_LIMIT_CALLS", "1000000", "TRACKING_SPREAD", "1m",
          "CLAIM_BATCH_SIZE", "50", "RELAY_BATCH_SIZE", "500"));
      ServiceConfig config = EnvironmentConfig.read(env, clock);
      try (ShipmentTrackingServer server = ShipmentTrackingServer.start(config, clock);
          TopicListener listener = new TopicListener(sandbox.kafka().bootstrapServers(), config.kafka().topic());
          Connection db = DriverManager.getConnection(env.get("DATABASE_URL"), env.get("DATABASE_USER"),
              env.get("DATABASE_PASSWORD"))) {
        db.setSchema(config.database().schema());
        System.out.printf("setting up %d packages (%d shipments of 2)...%n", packages, packages / 2);
        createShipments(server, packages / 2);
        waitFor("labels", Duration.ofMinutes(15), () -> count(db, "SELECT count(*) FROM shipments "
            + "WHERE shipmentStatus <> 'label_created'") == 0);
        sandbox.fedex().faults().latency(latency);
        sandbox.usps().faults().latency(latency);

        long callsBefore = carrierCalls(sandbox);
        Instant sweepStart = Instant.now();
        clock.shiftBy(Duration.ofDays(1).plusHours(1));
        waitFor("the tracking sweep", Duration.ofMinutes(15), () -> count(db, "SELECT count(*) FROM shipments "
            + "WHERE shipmentStatus = 'label_created'") == 0);
        double sweepSeconds = Duration.between(sweepStart, Instant.now()).toMillis() / 1000.0;
        long sweepCalls = carrierCalls(sandbox) - callsBefore;
        waitFor("the outbox", Duration.ofMinutes(5), () -> count(db, "SELECT count(*) FROM outbox_unsent") == 0);
        LatencyStats relay = relayLatency(listener, clock);

        BareTrackingBaseline bare = BareTrackingBaseline.prepare(db, config.database().schema());
        double baselineSeconds;
        long baselineCallsBefore = carrierCalls(sandbox);
        try (FedexCarrierGateway fedex = new FedexCarrierGateway(config.fedex().orElseThrow());
            UspsCarrierGateway usps = new UspsCarrierGateway(config.usps().orElseThrow())) {
          long baselineStart = System.nanoTime();
          bare.sweep(Map.of(CarrierCode.FEDEX, fedex, CarrierCode.USPS, usps));
          baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        }
        long baselineCalls = carrierCalls(sandbox) - baselineCallsBefore;
        LatencyStats bareHop = BareKafkaHop.measure(sandbox.kafka().bootstrapServers(), 300);

        report(packages, latency, sweepSeconds, sweepCalls, baselineSeconds, baselineCalls, relay, bareHop);
        System.out.printf("bare baseline: %s; the carrier calls alone carry %.0f packages/s (service %.2fx that)%n",
            bare.breakdown(), packages / bare.askingSeconds(), (packages / sweepSeconds) / (packages / bare.askingSeconds()));
      }
    }
    System.exit(0);
  }

  private static List<OrderId> createShipments(ShipmentTrackingServer server, int shipments) {
    List<OrderId> orders = new ArrayList<>();
    ParcelRequest parcel = new ParcelRequest(Weight.pounds("2"), null);
    for (int i = 0; i < shipments; i++) {
      OrderId order = OrderId.of(100_000 + i);
      CarrierCode carrier = i % 2 == 0 ? CarrierCode.FEDEX : CarrierCode.USPS;
      server.core().createShipment().createShipment(
          new CreateShipmentCommand(order, ShippingAddress.parse(ADDRESS), carrier, null, List.of(parcel, parcel)));
      orders.add(order);
    }
    return orders;
  }


  private static LatencyStats relayLatency(TopicListener listener, ShiftableClock clock) {
    List<Double> millis = new ArrayList<>();
    for (TopicListener.Arrival arrival : listener.arrivals()) {
      if (!arrival.value().path("eventType").asText().equals("label_created")) {
        Instant recorded = Instant.parse(arrival.value().get("recordedAt").asText());
        millis.add((double) Duration.between(recorded, arrival.arrivedAt().plus(clock.shift())).toMillis());
      }
    }
    return LatencyStats.of(millis);
  }

  private static long carrierCalls(Sandbox sandbox) {
    return sandbox.fedex().counters().trackCalls() + sandbox.usps().counters().trackingCalls()
        + sandbox.usps().counters().legacyTrackingCalls();
  }

  private static long count(Connection db, String sql) {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static void report(int packages, Duration latency, double sweepSeconds, long sweepCalls,
      double baselineSeconds, long baselineCalls, LatencyStats relay, LatencyStats bareHop) {
    double sweepRate = packages / sweepSeconds;
    double baselineRate = packages / baselineSeconds;
    System.out.println();
    System.out.printf("Tracking sweep: %d packages, carrier latency %d ms, cores %d%n", packages, latency.toMillis(),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| measure | service | bare baseline | ratio |");
    System.out.println("|---|---|---|---|");
    System.out.printf("| packages per second | %.0f | %.0f | %.2f |%n", sweepRate, baselineRate, sweepRate / baselineRate);
    System.out.printf("| carrier calls per package | %.4f | %.4f | %.2f |%n", (double) sweepCalls / packages,
        (double) baselineCalls / packages, (double) sweepCalls / Math.max(1, baselineCalls));
    System.out.printf("| relay latency p50 (ms) | %.1f | %.1f | %.1f |%n", relay.p50(), bareHop.p50(),
        relay.p50() / bareHop.p50());
    System.out.printf("| relay latency p95 (ms) | %.1f | %.1f | %.1f |%n", relay.p95(), bareHop.p95(),
        relay.p95() / bareHop.p95());
    System.out.printf("relay: %s; bare hop: %s%n", relay, bareHop);
  }
}

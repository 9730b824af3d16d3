package com.ostore.shipping.bootstrap.faults;

import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.sandbox.net.TcpProxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every connection the service has to PostgreSQL, to the broker and to FedEx runs through a TCP proxy
 * that keeps cutting them (a reset at both ends) under steady load, so transactions, purchases and
 * publishes are cut half way. The same guarantees hold as for a healthy run.
 */
class ConnectionCutFaultIT {
  private static final Duration CUT_EVERY = Duration.ofMillis(FaultSizes.pick(700, 500));
  private static final int CUTS = FaultSizes.pick(12, 120);

  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private static TcpProxy toPostgres;
  private static TcpProxy toKafka;
  private static TcpProxy toFedex;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
    URI postgres = URI.create(sandbox.environment().get("DATABASE_URL").substring("jdbc:".length()));
    toPostgres = TcpProxy.to(postgres.getHost(), postgres.getPort());
    URI broker = URI.create("kafka://" + sandbox.kafka().bootstrapServers());
    toKafka = TcpProxy.to(broker.getHost(), broker.getPort());
    // Clients connect where the broker tells them to: restarted, it tells them the proxy's port.
    sandbox.kafka().stop();
    sandbox.kafka().advertising(toKafka.port()).start();
    URI fedex = URI.create(sandbox.fedex().baseUrl());
    toFedex = TcpProxy.to(fedex.getHost(), fedex.getPort());
    orderManagement = new EventConsumer("127.0.0.1:" + toKafka.port(), "shipment-tracking-events");
    service = ServiceUnderTest.start(sandbox, Clock.systemUTC(), ShipmentLoad.unthrottled(Map.of(
        "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + toPostgres.port() + postgres.getPath(),
        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + toKafka.port(),
        "FEDEX_BASE_URL", "http://127.0.0.1:" + toFedex.port(),
        "TASK_LEASE", "5s", "RETRY_INITIAL", "500ms", "RETRY_MAX", "4s")));
  }

  @AfterAll
  static void stop() {
    service.close();
    orderManagement.close();
    toFedex.close();
    toKafka.close();
    toPostgres.close();
    sandbox.close();
  }

  @Test
  void connectionsCutMidTransactionMidPurchaseAndMidPublish_loseNothingAndBuyNothingTwice() {
    sandbox.fedex().faults().latency(Duration.ofMillis(100));
    List<TcpProxy> lines = List.of(toPostgres, toKafka, toFedex);
    AtomicLong cuts = new AtomicLong();
    ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();
    ShipmentLoad load =
        new ShipmentLoad(() -> service.server().port(), sandbox.apiKey(), Duration.ofMillis(150), 60_000);
    try {
      load.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= 3);
      cutter.scheduleAtFixedRate(() -> lines.get((int) (cuts.getAndIncrement() % lines.size())).cutAll(),
          CUT_EVERY.toMillis(), CUT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      await().atMost(CUT_EVERY.multipliedBy(CUTS * 3L)).until(() -> cuts.get() >= CUTS);
      cutter.shutdownNow();
      int acknowledged = load.acknowledgedCount();
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= acknowledged + 3);
    } finally {
      cutter.shutdownNow();
      load.close();
    }
    sandbox.fedex().faults().reset();
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(2, 10)));
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());

    FaultReport report = new FaultReport("connections cut to PostgreSQL, Kafka and FedEx")
        .checked("every " + CUT_EVERY.toMillis() + " ms one of the three proxies resets all its connections,"
            + " in turn, while shipments are created, labels bought and events published")
        .figure("cuts", cuts.get())
        .figure("requests not acknowledged (cut mid-request)", load.failures().toString());
    Guarantees.report(report, outcome);
    report.publish();

    Guarantees.assertHeld(outcome);
  }
}

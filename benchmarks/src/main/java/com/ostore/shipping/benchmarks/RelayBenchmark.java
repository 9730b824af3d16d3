package com.ostore.shipping.benchmarks;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.adapter.out.persistence.PersistenceModule;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import com.ostore.shipping.domain.support.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The outbox relay of the production jar (a child JVM with the README's JVM flags and default relay
 * settings) against a bare idempotent {@code acks=all} producer on the same broker, in one run:
 * events per second through the relay for a backlog committed at once, and the latency from an event's
 * commit to its arrival at a plain consumer while events are committed one per transaction at a steady
 * pace. Events are appended by this JVM through the persistence adapter, as another service instance
 * would; the service relays them (it is woken by the commit, its poll is the default safety net).
 *
 * <p>Run: {@code mvn -q -pl benchmarks exec:java@relay} (see README).
 */
public final class RelayBenchmark {
  private static final String TOPIC = "shipment-tracking-events";

  private RelayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int backlog = Integer.getInteger("backlog", 30_000);
    int ratePerSecond = Integer.getInteger("ratePerSecond", 200);
    Duration latencyPhase = Duration.ofSeconds(Long.getLong("latencySeconds", 15));
    List<String> flags = ChildJvm.flags(System.getProperty("jvmFlags", JvmFlags.RECOMMENDED));
    List<String> serviceFlags = new ArrayList<>(flags);
    serviceFlags.addAll(ChildJvm.flags(System.getProperty("serviceJvmExtra", "")));
    Path jar = Path.of(System.getProperty("productionJar", "../bootstrap/target/bootstrap-0.1.0-SNAPSHOT-all.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no production jar at " + jar.toAbsolutePath() + "; run mvn -DskipTests install");
    }
    Path logs = Path.of(System.getProperty("logDirectory", "target/relay-benchmark"));
    String loadBefore = ApiBenchmark.loadAverage();
    try (Sandbox sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6))) {
      Map<String, String> env = new HashMap<>(sandbox.environment());
      env.put("PORT", Integer.toString(ChildJvm.freePort()));
      env.put("POLL_INTERVAL", "1h");
      // Defaults unless asked otherwise (to compare settings).
      if (System.getProperty("relayBatchSize") != null) {
        env.put("RELAY_BATCH_SIZE", System.getProperty("relayBatchSize"));
      }
      String bootstrap = sandbox.kafka().bootstrapServers();
      env.putAll(JvmFlags.ENVIRONMENT);
      try (ChildJvm service = ChildJvm.start(serviceFlags, List.of("-jar", jar.toAbsolutePath().toString()), env,
              logs.resolve("service.log"));
          PersistenceModule persistence = PersistenceModule.start(DatabaseConfig.of(env.get("DATABASE_URL"),
              env.get("DATABASE_USER"), Secret.of(env.get("DATABASE_PASSWORD"))));
          Arrivals arrivals = new Arrivals(bootstrap, TOPIC)) {
        Appender appender = new Appender(persistence.outboxRepository(), persistence.transactions());
        System.out.println("warming up the service and its relay...");
        appender.oneByOne(200, 100, Duration.ofSeconds(30), arrivals);

        System.out.printf("latency: %d events, one per transaction, %d a second...%n",
            ratePerSecond * latencyPhase.toSeconds(), ratePerSecond);
        LatencyStats relayLatency = appender.oneByOne(ratePerSecond, (int) (ratePerSecond * latencyPhase.toSeconds()),
            Duration.ofMinutes(2), arrivals);
        LatencyStats bareLatency = BareProducer.latency(bootstrap, ratePerSecond,
            (int) (ratePerSecond * latencyPhase.toSeconds()), arrivals.recordSize());

        System.out.printf("throughput: a backlog of %d events committed at once...%n", backlog);
        double relayRate = appender.backlog(backlog, Duration.ofMinutes(5), arrivals);
        double bareRate = BareProducer.throughput(bootstrap, backlog, arrivals.recordSize());

        System.out.println();
        System.out.printf("Relay benchmark: RELAY_BATCH_SIZE %s, RELAY_INTERVAL default (5s, the safety net), cores %d,"
            + " JVM flags: %s%n", System.getProperty("relayBatchSize", "default (1000)"),
            Runtime.getRuntime().availableProcessors(), String.join(" ", flags));
        System.out.printf("load average before: %s; after: %s%n", loadBefore, ApiBenchmark.loadAverage());
        System.out.println("| measure | relay (service) | bare producer | ratio |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| events per second, backlog of %d | %.0f | %.0f | %.2f |%n", backlog, relayRate, bareRate,
            relayRate / bareRate);
        System.out.printf("| commit (send) to consumer p50, %d/s (ms) | %.1f | %.1f | %.1f |%n", ratePerSecond,
            relayLatency.p50(), bareLatency.p50(), relayLatency.p50() / bareLatency.p50());
        System.out.printf("| commit (send) to consumer p99, %d/s (ms) | %.1f | %.1f | %.1f |%n", ratePerSecond,
            relayLatency.p99(), bareLatency.p99(), relayLatency.p99() / bareLatency.p99());
        System.out.printf("relay: %s; bare: %s%n", relayLatency, bareLatency);
      }
    }
    System.exit(0);
  }

  /** Appends events through the outbox port, as the service's own transactions do, and notes each commit. */
  private static final class Appender {
    private final OutboxRepository outbox;
    private final Transactions transactions;
    private long order = 1;

    Appender(OutboxRepository outbox, Transactions transactions) {
      this.outbox = outbox;
      this.transactions = transactions;
    }

    /** {@code count} events at {@code perSecond}, each in its own transaction; their commit-to-arrival latency. */
    LatencyStats oneByOne(int perSecond, int count, Duration patience, Arrivals arrivals) throws InterruptedException {
      Map<UUID, Instant> committed = new ConcurrentHashMap<>();
      long interval = 1_000_000_000L / perSecond;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        ShipmentEvent event = event(order++ % 1000 + 1);
        transactions.run(() -> {
          outbox.lockOrderEvents(event.orderId());
          outbox.append(List.of(event));
        });
        committed.put(event.eventId(), Instant.now());
      }
      arrivals.awaitAll(committed.keySet(), patience);
      List<Double> millis = new ArrayList<>();
      committed.forEach((id, at) -> millis.add(Duration.between(at, arrivals.arrivedAt(id)).toNanos() / 1e6));
      return LatencyStats.of(millis);
    }

    /** {@code count} events committed in one transaction; events per second from the commit to the last arrival. */
    double backlog(int count, Duration patience, Arrivals arrivals) throws InterruptedException {
      List<ShipmentEvent> events = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        events.add(event(order++ % 1000 + 1));
      }
      transactions.run(() -> outbox.append(events));
      Instant committed = Instant.now();
      List<UUID> ids = events.stream().map(ShipmentEvent::eventId).toList();
      arrivals.awaitAll(ids, patience);
      Instant last = ids.stream().map(arrivals::arrivedAt).max(Instant::compareTo).orElseThrow();
      return count / (Duration.between(committed, last).toNanos() / 1e9);
    }

    private static ShipmentEvent event(long orderId) {
      Instant now = Instant.now();
      return new ShipmentEvent(UUID.randomUUID(), "in_transit", OffsetDateTime.now(ZoneOffset.ofHours(-5)),
          ShipmentId.of(orderId), OrderId.of(orderId), ParcelId.of(orderId * 10), TrackingNumber.of("794600000123"),
          CarrierCode.FEDEX, ShipmentStatus.IN_TRANSIT, "MEMPHIS, TN, US",
          Map.of("rawCode", "IT", "rawDescription", "In transit"), now);
    }
  }

  /** When each event (by eventId) reached a consumer of the topic. */
  private static final class Arrivals implements AutoCloseable {
    private final Map<UUID, Instant> arrived = new ConcurrentHashMap<>();
    private final TopicTimer timer;
    private volatile int recordSize;

    Arrivals(String bootstrapServers, String topic) {
      this.timer = new TopicTimer(bootstrapServers, topic, (key, value, at) -> {
        recordSize = value.length();
        int from = value.indexOf("\"eventId\":\"");
        if (from >= 0) {
          UUID id = UUID.fromString(value.substring(from + 11, from + 47));
          arrived.putIfAbsent(id, at);
        }
      });
    }

    void awaitAll(java.util.Collection<UUID> ids, Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (!arrived.keySet().containsAll(ids)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not every event reached the consumer within " + patience);
        }
        Thread.sleep(20);
      }
    }

    /** The length of the relay's last record: the bare producer sends records as large. */
    int recordSize() {
      return recordSize;
    }

    Instant arrivedAt(UUID id) {
      return arrived.get(id);
    }

    @Override
    public void close() {
      timer.close();
    }
  }
}

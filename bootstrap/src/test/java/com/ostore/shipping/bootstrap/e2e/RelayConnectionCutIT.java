package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.net.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instance relaying events loses its network to PostgreSQL while it holds the relay lease (its batch
 * out, the broker down), without either end seeing the connection close (a partition, a dead NAT entry).
 * No transaction or lock of it stays behind; its lease runs out by the database's clock and another
 * instance takes the relay over: no event waits forever.
 */
class RelayConnectionCutIT {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(4);

  private static Sandbox sandbox;
  private static MutableClock clock;
  private static ServiceDatabase database;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void givenTheRelayLeaseHoldersLineToTheDatabaseGoesSilent_whenAnotherInstanceRuns_thenItRelaysTheWaitingEvents() {
    URI database = URI.create(sandbox.environment().get("DATABASE_URL").substring("jdbc:".length()));
    TcpProxy line = TcpProxy.to(database.getHost(), database.getPort());
    Map<String, String> throughTheLine = new HashMap<>();
    throughTheLine.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + line.port() + database.getPath());
    throughTheLine.put("KAFKA_PUBLISH_TIMEOUT", PUBLISH_TIMEOUT.toSeconds() + "s");
    throughTheLine.put("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", "10s");
    throughTheLine.put("DATABASE_STATEMENT_TIMEOUT", "5s");
    throughTheLine.put("DATABASE_SOCKET_TIMEOUT", "15s");
    ServiceUnderTest cutOff = ServiceUnderTest.start(sandbox, clock, throughTheLine);
    try {
      // The instance relays (its start-up checks and the topic check are done) before the broker goes down.
      long relayed = cutOff.createShipment(ShipmentRequests.fedex(5999, 1));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
          cutOff.getJson("/shipments/" + relayed).get("shipmentStatus").asText().equals("label_created")
              && RelayConnectionCutIT.database.unsentEvents() == 0);
      sandbox.kafka().stop();
      long shipment = cutOff.createShipment(ShipmentRequests.fedex(6000, 1));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
          cutOff.getJson("/shipments/" + shipment).get("shipmentStatus").asText().equals("label_created"));

      // With the broker down the relay keeps its lease for the batch it could not send: cut the line then.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> RelayConnectionCutIT.database.relayLeaseHolder().isPresent());
      line.silence();
      assertThat(RelayConnectionCutIT.database.advisoryLockHolder()).as("no lock held across the wait").isEmpty();
      assertThat(RelayConnectionCutIT.database.unsentEvents()).isPositive();
      sandbox.kafka().start();

      try (ServiceUnderTest other = ServiceUnderTest.start(sandbox, clock, Map.of())) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> RelayConnectionCutIT.database.unsentEvents() == 0);
      }
    } finally {
      line.cutAll();
      cutOff.close();
      line.close();
      if (!sandbox.kafka().isRunning()) {
        sandbox.kafka().start();
      }
    }
  }
}

package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.NeighbourApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service in a database it shares: with another application whose tables (some named like the
 * service's) sit in {@code public}, and with a second installation of itself in another schema. Each
 * installation keeps to its own schema, and each relay takes a lock of its own, so one installation's
 * stuck relay holds up its own events only.
 */
class SharedDatabaseIT {
  private static final Map<String, String> EAST = Map.of("DATABASE_SCHEMA", "shipping_east", "KAFKA_TOPIC", "east-events");
  private static final Map<String, String> WEST = Map.of("DATABASE_SCHEMA", "shipping_west", "KAFKA_TOPIC", "west-events");

  private static MutableClock clock;
  private static Sandbox sandbox;
  private static NeighbourApplication neighbour;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
    Map<String, String> env = sandbox.environment();
    neighbour = NeighbourApplication.installIn(new DatabaseCoordinates(env.get("DATABASE_URL"), env.get("DATABASE_USER"),
        env.get("DATABASE_PASSWORD")));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void givenAnotherApplicationsTablesInPublic_theServiceWorksInItsOwnSchemaAndLeavesThemAsTheyWere() {
    Map<String, List<String>> before = neighbour.everythingOutside(DatabaseConfig.DEFAULT_SCHEMA);

    try (ServiceUnderTest service = ServiceUnderTest.start(sandbox, clock, Map.of("KAFKA_TOPIC", "own-schema-events"));
        EventConsumer orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "own-schema-events")) {
      long id = service.createShipment(ShipmentRequests.fedex(9001, 2));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> status(service, id)
          .equals("label_created"));
      await().atMost(Duration.ofSeconds(30)).until(() -> labelEventsOfOrder(orderManagement, 9001) == 2);
    }

    ServiceDatabase database = new ServiceDatabase(sandbox.environment());
    assertThat(database.schema()).isEqualTo("shipment_tracking");
    assertThat(database.rowCounts()).containsEntry("shipments", 1L).containsEntry("packages", 2L);
    assertThat(neighbour.everythingOutside(DatabaseConfig.DEFAULT_SCHEMA)).isEqualTo(before);
  }

  @Test
  void twoInstallationsInTwoSchemasOfOneDatabase_eachRelaysUnderItsOwnLock() throws SQLException {
    long eastKey = relayLockKey(EAST);
    long westKey = relayLockKey(WEST);
    ServiceDatabase eastDatabase = new ServiceDatabase(ServiceUnderTest.testEnvironment(sandbox, EAST));
    ServiceDatabase westDatabase = new ServiceDatabase(ServiceUnderTest.testEnvironment(sandbox, WEST));

    assertThat(eastKey).isNotEqualTo(westKey);
    try (ServiceUnderTest east = ServiceUnderTest.start(sandbox, clock, EAST);
        ServiceUnderTest west = ServiceUnderTest.start(sandbox, clock, WEST);
        EventConsumer eastEvents = new EventConsumer(sandbox.kafka().bootstrapServers(), "east-events");
        EventConsumer westEvents = new EventConsumer(sandbox.kafka().bootstrapServers(), "west-events")) {
      try (Connection stuckEastRelay = eastDatabase.connect()) {
        // As if one of east's relays hung inside its batch: east's lock stays taken.
        takeAdvisoryLock(stuckEastRelay, eastKey);
        long eastId = east.createShipment(ShipmentRequests.fedex(9101, 1));
        long westId = west.createShipment(ShipmentRequests.fedex(9201, 1));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> status(east, eastId).equals("label_created") && status(west, westId).equals("label_created"));
        await().atMost(Duration.ofSeconds(30)).until(() -> labelEventsOfOrder(westEvents, 9201) == 1);

        assertThat(eastDatabase.unsentEvents()).isEqualTo(1);
        assertThat(eastEvents.all()).isEmpty();
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> labelEventsOfOrder(eastEvents, 9101) == 1);
      assertThat(eastDatabase.unsentEvents()).isZero();
      assertThat(westEvents.deduplicated()).hasSize(1);
    }
    assertThat(eastDatabase.rowCounts()).containsEntry("shipments", 1L);
    assertThat(westDatabase.rowCounts()).containsEntry("shipments", 1L);
  }

  private static long relayLockKey(Map<String, String> settings) {
    return EnvironmentConfig.read(ServiceUnderTest.testEnvironment(sandbox, settings), clock).database().relayLockKey();
  }

  private static void takeAdvisoryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    }
  }

  private static String status(ServiceUnderTest service, long shipmentId) {
    return service.getJson("/shipments/" + shipmentId).get("shipmentStatus").asText();
  }

  private static long labelEventsOfOrder(EventConsumer consumer, long orderId) {
    return consumer.deduplicated().stream()
        .filter(m -> m.eventType().equals("label_created") && m.value().get("orderID").asLong() == orderId)
        .count();
  }
}

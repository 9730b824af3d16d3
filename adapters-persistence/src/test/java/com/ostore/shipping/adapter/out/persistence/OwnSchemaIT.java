package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import com.ostore.shipping.sandbox.postgres.NeighbourApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service in a schema of its own, in a database that other applications and installations share. */
class OwnSchemaIT {
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();

  @Test
  void givenAnotherApplicationsTablesInPublic_whenTheModuleStartsAndWorks_thenItKeepsToItsOwnSchema() {
    NeighbourApplication neighbour = NeighbourApplication.installIn(database);
    var before = neighbour.everythingOutside(DatabaseConfig.DEFAULT_SCHEMA);

    try (PersistenceModule module = PersistenceModule.start(config())) {
      module.shipmentRepository().add(aShipment().withId(7001).build());
      module.outboxRepository().claimUnsent("relay", 10, Duration.ofMinutes(1));

      assertThat(module.shipmentRepository().findById(ShipmentId.of(7001))).isPresent();
    }

    assertThat(neighbour.everythingOutside(DatabaseConfig.DEFAULT_SCHEMA)).isEqualTo(before);
    assertThat(tablesIn(DatabaseConfig.DEFAULT_SCHEMA)).contains("carriers", "shipments", "packages", "trackingevents",
        "labels", "tasks", "outbox", "flyway_schema_history");
  }

  @Test
  void givenTwoInstallationsInTwoSchemasOfOneDatabase_thenEachSeesOnlyItsDataAndTakesItsOwnRelayLease() {
    DatabaseConfig east = config().withSchema("shipping_east");
    DatabaseConfig west = config().withSchema("shipping_west");
    try (PersistenceModule eastModule = PersistenceModule.start(east);
        PersistenceModule westModule = PersistenceModule.start(west);
        PersistenceModule eastAgain = PersistenceModule.start(east)) {
      eastModule.shipmentRepository().add(aShipment().withId(7101).build());

      assertThat(east.relayLockKey()).isNotEqualTo(west.relayLockKey());
      assertThat(westModule.shipmentRepository().findById(ShipmentId.of(7101))).isEmpty();
      assertThat(eastAgain.shipmentRepository().findById(ShipmentId.of(7101))).isPresent();
      appendAnEvent(eastModule);
      appendAnEvent(westModule);
      assertThat(eastModule.outboxRepository().claimUnsent("east-1", 10, Duration.ofMinutes(1))).isPresent();
      assertThat(westModule.outboxRepository().claimUnsent("west-1", 10, Duration.ofMinutes(1))).isPresent();
      assertThat(eastAgain.outboxRepository().claimUnsent("east-2", 10, Duration.ofMinutes(1)))
          .as("east's lease is east-1's").isEmpty();
    }
  }

  @Test
  void givenAnInstallationFromBeforeTheSchemaSetting_whenStartedInTheDefaultSchema_thenItRefusesAndSaysHowToKeepIt() {
    try (PersistenceModule olderRelease = PersistenceModule.start(config().withSchema("public"))) {
      olderRelease.shipmentRepository().add(aShipment().withId(7201).build());
    }

    assertThatThrownBy(() -> PersistenceModule.start(config())).isInstanceOf(SchemaConflictException.class)
        .hasMessageContaining("this service's tables are in schema public")
        .hasMessageContaining("set the schema to public");
    assertThat(tablesIn(DatabaseConfig.DEFAULT_SCHEMA)).isEmpty();
    try (PersistenceModule kept = PersistenceModule.start(config().withSchema("public"));
        PersistenceModule secondInstallation = PersistenceModule.start(config().withSchema("shipping_b"))) {
      assertThat(kept.shipmentRepository().findById(ShipmentId.of(7201))).isPresent();
      assertThat(secondInstallation.shipmentRepository().findById(ShipmentId.of(7201))).isEmpty();
    }
  }

  @Test
  void givenASchemaWithAnotherApplicationsMigrationHistory_whenTheModuleIsToldToUseIt_thenItRefusesAndTouchesNothing() {
    NeighbourApplication neighbour = NeighbourApplication.installIn(database);
    var before = neighbour.everythingOutside("none");

    assertThatThrownBy(() -> PersistenceModule.start(config().withSchema("public")))
        .isInstanceOf(SchemaConflictException.class).hasMessage("schema public holds the migration history of another application; give this service a schema"
            + " of its own");
    assertThat(neighbour.everythingOutside("none")).isEqualTo(before);
  }

  @Test
  void givenASchemaWithOtherTablesAndNoHistory_whenTheModuleIsToldToUseIt_thenItRefusesNamingThem() throws SQLException {
    execute("CREATE TABLE public.invoices (id INT); CREATE TABLE public.customers (id INT)");

    assertThatThrownBy(() -> PersistenceModule.start(config().withSchema("public")))
        .isInstanceOf(SchemaConflictException.class).hasMessage("schema public already holds tables of another application (customers, invoices) and no"
            + " migration history of this service; give this service a schema of its own");
    assertThat(tablesIn("public")).containsExactly("customers", "invoices");
  }

  @Test
  void givenAFirstStartThatFailedBeforeItsFirstMigration_whenStartedAgain_thenItCarriesOn() throws SQLException {
    execute("""
        CREATE SCHEMA shipment_tracking;
        CREATE TABLE shipment_tracking.flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50),
            description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,
            checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
            execution_time INT NOT NULL, success BOOLEAN NOT NULL);
        INSERT INTO shipment_tracking.flyway_schema_history VALUES
            (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"shipment_tracking"', NULL, 'postgres', now(), 0, true);
        """);

    try (PersistenceModule module = PersistenceModule.start(config())) {
      module.shipmentRepository().add(aShipment().withId(7301).build());

      assertThat(module.shipmentRepository().findById(ShipmentId.of(7301))).isPresent();
    }
  }

  private static void appendAnEvent(PersistenceModule module) {
    ShipmentEvent failed = new ShipmentEvent(UUID.randomUUID(), "failed", OffsetDateTime.parse("2026-01-05T04:00-05:00"),
        ShipmentId.of(7101), OrderId.of(7101), null, null, CarrierCode.FEDEX, ShipmentStatus.FAILED, null, Map.of(),
        Instant.parse("2026-01-05T09:00:00Z"));
    module.transactions().run(() -> module.outboxRepository().append(List.of(failed)));
  }

  private DatabaseConfig config() {
    return new DatabaseConfig(database.jdbcUrl(), database.username(), Secret.of(database.password()), 4,
        Duration.ofSeconds(10));
  }

  private List<String> tablesIn(String schema) {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' ORDER BY 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
  }
}

package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.ostore.shipping.domain.model.Carrier;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.support.Secret;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaIT extends DatabaseTestSupport {

  /** A shipment as a create writes it (its package and label task too), for the rules of those tables. */
  @BeforeAll
  static void aCreatedShipment() {
    module.shipmentRepository().addWithLabelTask(aShipment().withId(7003).build(),
        Instant.parse("2026-01-05T14:00:00Z"));
  }

  /** V67 moved these rules from table checks to domains: each still refuses what it refused before. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      order id 0 | UPDATE Shipments SET orderID = 0 WHERE shipmentID = 7003 | order_id
      empty address | UPDATE Shipments SET shippingAddress = '' WHERE shipmentID = 7003 | shipping_address
      address of 501 | UPDATE Shipments SET shippingAddress = repeat('x', 501) WHERE shipmentID=7003 | shipping_address
      shipment status | UPDATE Shipments SET shipmentStatus = 'lost' WHERE shipmentID = 7003 | shipment_status
      negative version | UPDATE Shipments SET version = -1 WHERE shipmentID = 7003 | row_version
      weight with 3 decimals | UPDATE Packages SET packageWeight = 1.234 WHERE shipmentID = 7003 | package_weight
      weight of 10^8 | UPDATE Packages SET packageWeight = 100000000 WHERE shipmentID = 7003 | package_weight
      weight unit | UPDATE Packages SET weightUnit = 'oz' WHERE shipmentID = 7003 | weight_unit
      package status | UPDATE Packages SET packageStatus = 'Delivered' WHERE shipmentID = 7003 | shipment_status
      task kind | UPDATE tasks SET kind = 'print' WHERE subject_id = 7003 | task_kind
      task state | UPDATE tasks SET state = 'paused' WHERE subject_id = 7003 | task_state
      negative attempts | UPDATE tasks SET attempts = -1 WHERE subject_id = 7003 | task_attempts
      """)
  void eachRuleOfTheTablesACreateWritesStillRefusesItsValue(String rule, String sql, String domain) {
    assertThatThrownBy(() -> executeSql(sql)).isInstanceOf(SQLException.class)
        .hasMessageContaining("value for domain " + domain + " violates check constraint");
  }

  @Test
  void theLimitsOfThoseRulesStillPass() throws SQLException {
    executeSql("UPDATE Shipments SET shippingAddress = repeat('a', 500), orderID = 1, version = 0"
        + " WHERE shipmentID = 7003");
    executeSql("UPDATE Packages SET packageWeight = 99999999.99, weightUnit = 'kg' WHERE shipmentID = 7003");
    executeSql("UPDATE tasks SET attempts = 0, state = 'done', kind = 'create_labels' WHERE subject_id = 7003");

    assertThat(queryLong("SELECT length(shippingAddress) FROM Shipments WHERE shipmentID = 7003")).isEqualTo(500);
    assertThat(queryText("SELECT packageWeight::text FROM Packages WHERE shipmentID = 7003")).isEqualTo("99999999.99");
    assertThat(queryText("SELECT state FROM tasks WHERE subject_id = 7003")).isEqualTo("done");
  }

  @Test
  void givenAnEmptyDatabase_whenTheModuleStarts_thenTheCarriersAreSeeded() {
    assertThat(module.carrierRepository().findAll())
        .extracting(Carrier::code, Carrier::name)
        .containsExactly(tuple(CarrierCode.FEDEX, "FedEx"),
            tuple(CarrierCode.USPS, "USPS"));
    assertThat(module.carrierRepository().findByCode(CarrierCode.USPS))
        .hasValueSatisfying(usps -> assertThat(usps.contactInformation()).contains("1-800-275-8777", "usps.com"));
    assertThat(module.isDatabaseReachable()).isTrue();
  }

  @Test
  void givenAMigratedDatabase_whenAnotherInstanceStarts_thenItKeepsTheDataAndSeedsNothingTwice() {
    module.shipmentRepository().add(aShipment().withId(7001).build());

    try (PersistenceModule second = PersistenceModule.start(config())) {
      assertThat(second.carrierRepository().findAll()).hasSize(2);
      assertThat(second.shipmentRepository().findById(ShipmentId.of(7001)))
          .isPresent();
    }
  }

  @Test
  void theDatabaseRejectsAStatusThatIsNotAWireName() {
    assertThatThrownBy(() -> executeSql("""
        INSERT INTO Shipments (orderID, shippingAddress, addressStreetLines, addressCity, addressCountry,
            shipmentStatus, carrierCode, createdAt, updatedAt)
        VALUES (1, 'a, b, c', 'a', 'b', 'c', 'Shipped', 'fedex', now(), now())
        """)).isInstanceOf(SQLException.class).hasMessageContaining("shipment_status");
  }

  @Test
  void theDatabaseRejectsAWeightOfZeroAndAPackageWithoutItsShipment() throws SQLException {
    module.shipmentRepository().add(aShipment().withId(7002).build());

    assertThatThrownBy(() -> executeSql("""
        INSERT INTO Packages (shipmentID, packageWeight, weightUnit, packageStatus, createdAt, updatedAt)
        VALUES (7002, 0, 'lb', 'pending', now(), now())
        """)).isInstanceOf(SQLException.class).hasMessageContaining("package_weight");
    assertThatThrownBy(() -> executeSql("""
        INSERT INTO Packages (shipmentID, packageWeight, weightUnit, packageStatus, createdAt, updatedAt)
        VALUES (999999, 1.5, 'lb', 'pending', now(), now())
        """)).isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
  }

  @Test
  void givenNoDatabaseListens_whenTheModuleStarts_thenItFailsFast() {
    DatabaseConfig wrongPort = new DatabaseConfig("jdbc:postgresql://localhost:1/nowhere", "nobody",
        Secret.of("x"), 1, Duration.ofMillis(300));

    assertThatThrownBy(() -> PersistenceModule.start(wrongPort)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenTheConnectionsAreGone_thenReadinessSaysUnreachableWithoutThrowing() {
    PersistenceModule closed = PersistenceModule.start(config());
    closed.close();

    assertThat(closed.isDatabaseReachable()).isFalse();
  }

  @Test
  void theConfigNeverShowsThePassword() {
    DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db/shipping", "shipping",
        Secret.of("s3cr3t-pw"), 10, Duration.ofSeconds(5));

    assertThat(config.toString()).doesNotContain("s3cr3t-pw").contains("password=***", "shipping");
  }
}

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
import org.junit.jupiter.api.Test;

class SchemaIT extends DatabaseTestSupport {

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

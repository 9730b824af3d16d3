package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.port.out.TrackingEventRepository.Position;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrackingEventRepositoryIT extends DatabaseTestSupport {
  private static ParcelId parcel;
  private static ParcelId otherParcel;
  private final TrackingEventRepository events = module.trackingEventRepository();

  @BeforeAll
  static void storeAShipmentWithTwoPackages() {
    Shipment shipment = aShipment().withId(2001).withParcels(2).build();
    module.shipmentRepository().add(shipment);
    parcel = shipment.parcels().get(0).id();
    otherParcel = shipment.parcels().get(1).id();
  }

  @Test
  void givenTheSameScanOnTwoTrackingRuns_thenItIsStoredOnceAndOnlyTheNewOnesComeBack() {
    TrackingEvent pickedUp = scan(otherParcel, TrackingEventType.PICKED_UP, "2026-01-05T17:12:00-05:00", "PU");
    TrackingEvent inTransit = scan(otherParcel, TrackingEventType.IN_TRANSIT, "2026-01-06T03:40:00-06:00", "IT");

    List<TrackingEvent> firstRun = events.addNew(List.of(pickedUp));
    List<TrackingEvent> secondRun = events.addNew(List.of(pickedUp, inTransit, inTransit));

    assertThat(firstRun).singleElement().satisfies(e -> assertThat(e.idIfStored()).isPresent());
    assertThat(secondRun).hasSize(1);
    assertThat(secondRun.get(0).rawCode()).isEqualTo("IT");
    assertThat(events.findByParcel(otherParcel)).extracting(TrackingEvent::rawCode).containsExactly("PU", "IT");
  }

  @Test
  void aPackagesHistoryIsOldestFirstAndKeepsEachCarriersUtcOffset() {
    TrackingEvent delivered = scan(parcel, TrackingEventType.DELIVERED, "2026-01-08T18:05:00+09:00", "DL");
    TrackingEvent label = scan(parcel, TrackingEventType.LABEL_CREATED, "2026-01-05T09:30:00Z", "OC");
    TrackingEvent outForDelivery =
        scan(parcel, TrackingEventType.OUT_FOR_DELIVERY, "2026-01-07T22:15:00-05:00", "OD");

    List<TrackingEvent> stored = events.addNew(List.of(delivered, label, outForDelivery));

    List<TrackingEvent> history = events.findByParcel(parcel);
    assertThat(history).containsExactly(stored.get(1), stored.get(2), stored.get(0));
    assertThat(history).extracting(e -> e.occurredAt().toString())
        .containsExactly("2026-01-05T09:30Z", "2026-01-07T22:15-05:00", "2026-01-08T18:05+09:00");
    assertThat(history.get(2).details()).containsEntry("signedBy", "K.TANAKA");
  }

  @Test
  void aPageOfHistoryStartsAfterTheGivenTimeAndIdWhenScansShareAnInstant() {
    Shipment own = aShipment().withId(2003).build();
    module.shipmentRepository().add(own);
    ParcelId parcel = own.parcels().get(0).id();
    List<TrackingEvent> stored = events.addNew(List.of(
        scan(parcel, TrackingEventType.IN_TRANSIT, "2026-01-06T10:00:00-05:00", "A1"),
        scan(parcel, TrackingEventType.IN_TRANSIT, "2026-01-06T15:00:00Z", "A2"),
        scan(parcel, TrackingEventType.DELIVERED, "2026-01-07T10:00:00-05:00", "DL")));
    TrackingEvent firstOfTwin = stored.get(0);

    List<TrackingEvent> page = events.findByParcel(parcel,
        Optional.of(new Position(firstOfTwin.occurredAt().toInstant(), firstOfTwin.id())), 1);

    assertThat(events.findByParcel(parcel, Optional.empty(), 2)).extracting(TrackingEvent::rawCode)
        .containsExactly("A1", "A2");
    assertThat(page).extracting(TrackingEvent::rawCode).containsExactly("A2");
  }

  @Test
  void givenAScanWhoseOffsetWasGuessedDifferentlyOnTwoRuns_thenItIsStoredOnce() {
    Shipment shipment = aShipment().withId(2002).build();
    module.shipmentRepository().add(shipment);
    ParcelId guessedParcel = shipment.parcels().get(0).id();
    TrackingEvent guessedUtc = localOnly(guessedParcel, "2026-01-05T18:12:00Z");
    TrackingEvent guessedEastern = localOnly(guessedParcel, "2026-01-05T18:12:00-05:00");
    TrackingEvent anHourLater = localOnly(guessedParcel, "2026-01-05T19:12:00-05:00");

    assertThat(events.addNew(List.of(guessedUtc))).hasSize(1);
    assertThat(events.addNew(List.of(guessedEastern, anHourLater))).extracting(TrackingEvent::occurredAt)
        .containsExactly(anHourLater.occurredAt());

    assertThat(events.findByParcel(guessedParcel)).hasSize(2).extracting(TrackingEvent::stated)
        .containsOnly(TimeStated.LOCAL_TIME);
  }

  @Test
  void scansStoredBeforeTheScanKeyAreRecognisedAndTheirGuessedDuplicatesDropped() throws Exception {
    DatabaseCoordinates old = EmbeddedDatabase.freshDatabase();
    Flyway.configure().dataSource(old.jdbcUrl(), old.username(), old.password()).target("2").load().migrate();
    try (Connection connection = DriverManager.getConnection(old.jdbcUrl(), old.username(), old.password());
        Statement sql = connection.createStatement()) {
      sql.execute("""
          INSERT INTO Shipments (shipmentID, orderID, shippingAddress, addressStreetLines, addressCity, addressCountry,
              shipmentStatus, carrierCode, createdAt, updatedAt)
          VALUES (1, 1, '350 Fifth Avenue', '350 Fifth Avenue', 'New York', 'US', 'shipped', 'fedex', now(), now());
          INSERT INTO Packages (packageID, shipmentID, packageWeight, weightUnit, packageStatus, createdAt, updatedAt)
          VALUES (1, 1, 1, 'lb', 'in_transit', now(), now());
          INSERT INTO TrackingEvents (packageID, eventType, eventTimestamp, eventUtcOffset, rawCode, details) VALUES
              (1, 'picked_up', '2026-01-05T18:12:00Z', '+00:00', 'PU', '{"offsetAssumed": "true"}'),
              (1, 'picked_up', '2026-01-05T18:12:00-05:00', '-05:00', 'PU', '{"offsetAssumed": "true"}'),
              (1, 'in_transit', '2026-01-06T07:40:00.5-05:00', '-05:00', 'AR', '{}');
          """);
    }

    // An installation from before the scan key also predates DATABASE_SCHEMA, so it lives in public.
    try (PersistenceModule migrated = PersistenceModule.start(new DatabaseConfig(old.jdbcUrl(), old.username(),
        Secret.of(old.password()), 2, Duration.ofSeconds(10)).withSchema("public"))) {
      TrackingEventRepository history = migrated.trackingEventRepository();
      assertThat(history.findByParcel(ParcelId.of(1))).extracting(e -> e.occurredAt().toString())
          .containsExactly("2026-01-05T18:12Z", "2026-01-06T07:40:00.500-05:00");
      assertThat(history.addNew(List.of(
          TrackingEvent.observed(ParcelId.of(1), TrackingEventType.PICKED_UP,
              OffsetDateTime.parse("2026-01-05T18:12:00-06:00"), null, "PU", null, Map.of(), TimeStated.LOCAL_TIME),
          TrackingEvent.observed(ParcelId.of(1), TrackingEventType.IN_TRANSIT,
              OffsetDateTime.parse("2026-01-06T12:40:00.5Z"), null, "AR", null, Map.of())))).isEmpty();
    }
  }

  private static TrackingEvent localOnly(ParcelId parcelId, String guessed) {
    return TrackingEvent.observed(parcelId, TrackingEventType.PICKED_UP, OffsetDateTime.parse(guessed), "MEMPHIS, TN US",
        "AP", "Picked up", Map.of("offsetAssumed", "true"), TimeStated.LOCAL_TIME);
  }

  private static TrackingEvent scan(ParcelId parcelId, TrackingEventType type, String at, String rawCode) {
    return TrackingEvent.observed(parcelId, type, OffsetDateTime.parse(at), "MEMPHIS, TN US", rawCode,
        type.wireName() + " scan", Map.of("signedBy", "K.TANAKA", "facility", "HUB 1"));
  }
}

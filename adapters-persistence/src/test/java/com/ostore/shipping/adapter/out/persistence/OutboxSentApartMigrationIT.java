package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** An outbox of a release before V64 (sent_at on the rows), migrated by this release. */
class OutboxSentApartMigrationIT {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void unsentEventsAreStillRelayedInOrder_sentOnesArePrunedByTheirFirstSendTime_andAnOlderRelayFailsLoudly()
      throws Exception {
    DatabaseCoordinates old = EmbeddedDatabase.freshDatabase();
    DatabaseConfig config = new DatabaseConfig(old.jdbcUrl(), old.username(), Secret.of(old.password()), 2,
        Duration.ofSeconds(10));
    Flyway.configure().dataSource(old.jdbcUrl(), old.username(), old.password()).schemas(config.schema())
        .defaultSchema(config.schema()).locations("classpath:db/migration").target("63").load().migrate();
    ShipmentEvent sentAtT0 = event("in_transit", 1);
    ShipmentEvent waitingFirst = event("in_transit", 2);
    ShipmentEvent sentAnHourLater = event("out_for_delivery", 3);
    ShipmentEvent waitingSecond = event("delivered", 4);
    sql(old, config, "INSERT INTO outbox (event_id, message_key, event_type, payload, sent_at) VALUES "
        + row(sentAtT0, "'" + T0 + "'") + ", " + row(waitingFirst, "NULL") + ", "
        + row(sentAnHourLater, "'" + T0.plusSeconds(3600) + "'") + ", " + row(waitingSecond, "NULL"));

    try (PersistenceModule migrated = PersistenceModule.start(config)) {
      OutboxRepository outbox = migrated.outboxRepository();
      ShipmentEvent appendedAfter = event("delivered", 5);
      outbox.append(List.of(appendedAfter));

      assertThat(outbox.countUnsent()).isEqualTo(3);
      List<ShipmentEvent> batch = outbox.claimUnsent("relay-a", 10, LEASE).orElseThrow();
      assertThat(batch).containsExactly(waitingFirst, waitingSecond, appendedAfter);
      assertThatThrownBy(() -> sql(old, config, "UPDATE outbox SET sent_at = now() WHERE event_id = '"
          + waitingFirst.eventId() + "'")).as("a relay of an earlier release marking its batch")
          .hasMessageContaining("sent_at");
      assertThat(outbox.claimNext("relay-a", batch.stream().map(ShipmentEvent::eventId).toList(),
          T0.plusSeconds(7200), 10, LEASE)).contains(List.of());

      assertThat(outbox.pruneSentBefore(T0.plusSeconds(60))).as("first sent at T0").isEqualTo(1);
      assertThat(outbox.pruneSentBefore(T0.plusSeconds(3660))).as("first sent at T0 + 1 h").isEqualTo(1);
      assertThat(outbox.pruneSentBefore(T0.plusSeconds(7260))).as("sent after the migration").isEqualTo(3);
      assertThat(outbox.countUnsent()).isZero();
    }
  }

  private static void sql(DatabaseCoordinates db, DatabaseConfig config, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement statement = connection.createStatement()) {
      connection.setSchema(config.schema());
      statement.execute(sql);
    }
  }

  private static String row(ShipmentEvent event, String sentAt) {
    return "('" + event.eventId() + "', '" + event.key() + "', '" + event.eventType() + "', '"
        + JsonCodec.write(ShipmentEventPayload.from(event)).replace("'", "''") + "', " + sentAt + ")";
  }

  private static ShipmentEvent event(String type, int hour) {
    return new ShipmentEvent(UUID.randomUUID(), type, OffsetDateTime.parse("2026-01-06T0" + hour + ":40:00-06:00"),
        ShipmentId.of(1001), OrderId.of(123), ParcelId.of(100101), TrackingNumber.of("794644790132"),
        CarrierCode.FEDEX, ShipmentStatus.fromWireName(type), "TOKYO JP", Map.of("signedBy", "K.TANAKA"),
        T0.plusSeconds(5));
  }
}

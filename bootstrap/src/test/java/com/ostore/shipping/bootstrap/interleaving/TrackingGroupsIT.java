package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.bootstrap.ForwardingOutbox;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tracking run records its orders in groups, several orders per transaction, over the real database:
 * one order that cannot be recorded costs the others nothing, and an order whose claim was lost during
 * the run records nothing while the rest of its group is recorded.
 */
class TrackingGroupsIT {
  private static final Duration NEXT_TRACKING_DAY = Duration.ofDays(1).plusHours(3);
  private static final OffsetDateTime SCANNED = OffsetDateTime.of(2026, 1, 5, 16, 30, 0, 0, ZoneOffset.ofHours(-5));
  private static final long BAD_ORDER = 903;

  private final MutableClock clock = new MutableClock(T0);
  private final DatabaseCoordinates database = EmbeddedDatabase.freshDatabase();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final RecordingEventPublisher broker = new RecordingEventPublisher();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private volatile boolean refuseBadOrder;

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void givenOneOrderOfAGroupCannotBeRecorded_thenTheOthersAreRecordedAndOnlyItIsRetried() {
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(fedex).publisher(broker)
        .outbox(RefusingOutbox::new).start());
    List<Shipment> shipments = labelledOrders(service, 901, 905);
    clock.advance(NEXT_TRACKING_DAY);
    refuseBadOrder = true;

    assertThat(service.core().tracking().trackDueOrders()).isEqualTo(5);

    for (Shipment shipment : shipments) {
      assertThat(status(service, shipment)).as("order %s", shipment.orderId().value())
          .isEqualTo(shipment.orderId().value() == BAD_ORDER ? ShipmentStatus.LABEL_CREATED : ShipmentStatus.SHIPPED);
    }
    assertThat(service.core().trackingHistory().trackingHistory(badOrderParcel(shipments), PageRequest.first()).items())
        .as("nothing of the bad order's run was kept").extracting(TrackingEvent::type)
        .doesNotContain(TrackingEventType.PICKED_UP);
    assertThat(lastError(BAD_ORDER)).contains("refused");
    refuseBadOrder = false;
    clock.advance(Duration.ofSeconds(10));
    assertThat(service.core().tracking().trackDueOrders()).as("only the bad order is due again").isEqualTo(1);
    shipments.forEach(shipment -> assertThat(status(service, shipment)).isEqualTo(ShipmentStatus.SHIPPED));
    relayEverything(service);
    assertThat(broker.published()).filteredOn(event -> event.eventType().equals("picked_up"))
        .extracting(event -> event.orderId().value()).containsExactlyInAnyOrder(901L, 902L, 903L, 904L, 905L);
  }

  @Test
  void givenOneClaimOfAGroupIsSupersededWhileTheCarrierAnswers_thenItRecordsNothingAndTheOthersAreRecorded()
      throws Exception {
    PausingCarrier carrier = new PausingCarrier(fedex);
    CoreOnDatabase service = open(CoreOnDatabase.on(database, clock).carriers(carrier).start());
    List<Shipment> shipments = labelledOrders(service, 911, 914);
    clock.advance(NEXT_TRACKING_DAY);

    Pause tracking = carrier.pauseNextTrack();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(service.core().tracking()::trackDueOrders);
    tracking.awaitReached();
    execute("UPDATE tasks SET lease_owner = 'instance-2', lease_token = lease_token + 1000 WHERE subject_id = 912");
    tracking.release();
    run.get(30, TimeUnit.SECONDS);

    for (Shipment shipment : shipments) {
      assertThat(status(service, shipment)).as("order %s", shipment.orderId().value())
          .isEqualTo(shipment.orderId().value() == 912 ? ShipmentStatus.LABEL_CREATED : ShipmentStatus.SHIPPED);
    }
    assertThat(queryText("SELECT lease_owner || ' ' || state FROM tasks WHERE subject_id = 912"))
        .as("left to the claim that superseded it").isEqualTo("instance-2 running");
    assertThat(queryText("SELECT count(*) FROM tasks WHERE subject_id IN (911, 913, 914) AND state = 'ready'"))
        .isEqualTo("3");
  }

  private List<Shipment> labelledOrders(CoreOnDatabase service, long first, long last) {
    List<Shipment> shipments = new ArrayList<>();
    for (long order = first; order <= last; order++) {
      Shipment created = service.core().createShipment().createShipment(
          CreateShipmentCommand.of(OrderId.of(order), ShippingAddress.parse(US_ADDRESS)));
      service.core().labelWork().processDueLabelTasks();
      Shipment labelled = service.core().getShipment().getShipment(created.id());
      fedex.scans(labelled.parcels().get(0).trackingNumber(), new CarrierScan(TrackingEventType.PICKED_UP,
          SCANNED.plusMinutes(order % 60), "MEMPHIS, TN, US", "PU", "Picked up", Map.of()));
      shipments.add(labelled);
    }
    return shipments;
  }

  private static ParcelId badOrderParcel(List<Shipment> shipments) {
    return shipments.stream().filter(s -> s.orderId().value() == BAD_ORDER).findFirst().orElseThrow()
        .parcels().get(0).id();
  }

  private static ShipmentStatus status(CoreOnDatabase service, Shipment shipment) {
    return service.core().getShipment().getShipment(shipment.id()).status();
  }

  private static void relayEverything(CoreOnDatabase service) {
    while (service.core().relay().relayPendingEvents() > 0) {
      // the next batch
    }
  }

  private String lastError(long order) {
    return queryText("SELECT last_error FROM tasks WHERE kind = 'track_order' AND subject_id = " + order);
  }

  private String queryText(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    connection.setSchema(DatabaseConfig.DEFAULT_SCHEMA);
    return connection;
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  /** The real outbox, except that it refuses the bad order's events while told to: that order cannot be recorded. */
  private final class RefusingOutbox extends ForwardingOutbox {

    RefusingOutbox(OutboxRepository outbox) {
      super(outbox);
    }

    @Override
    public void append(List<ShipmentEvent> events) {
      if (refuseBadOrder && events.stream().anyMatch(e -> e.orderId().value() == BAD_ORDER)) {
        throw new IllegalStateException("the outbox refused order " + BAD_ORDER);
      }
      outbox.append(events);
    }
  }
}

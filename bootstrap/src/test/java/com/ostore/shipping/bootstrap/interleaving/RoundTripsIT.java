package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API's two busiest calls cost in round trips to PostgreSQL, counted on the wire between the
 * service and the database (BEGIN, COMMIT and the pool's own checks would show too): a create is one
 * statement, a read one query, and an idempotent create four (its key's claim, the create, the stored
 * answer, the commit).
 */
class RoundTripsIT {
  /** HikariCP checks a connection idle longer than this before lending it; the test must not count that. */
  private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

  private final RoundTripCounter wire = new RoundTripCounter(EmbeddedDatabase.freshDatabase());
  private CoreOnDatabase service;

  @BeforeEach
  void startTheServiceThroughTheCounter() {
    String before = System.getProperty(ALIVE_BYPASS_WINDOW);
    System.setProperty(ALIVE_BYPASS_WINDOW, Long.toString(3_600_000));
    try {
      service = CoreOnDatabase.on(wire.database(), new MutableClock(T0)).carriers(FakeCarrierGateway.fedex())
          .poolSize(2).start();
    } finally {
      if (before == null) {
        System.clearProperty(ALIVE_BYPASS_WINDOW);
      } else {
        System.setProperty(ALIVE_BYPASS_WINDOW, before);
      }
    }
    // The first create reserves a block of ids; the counted ones below draw from it.
    Shipment warmUp = create(700);
    service.core().getShipment().getShipment(warmUp.id());
    wire.takeCount();
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    wire.close();
  }

  @Test
  void aCreateIsOneRoundTrip() {
    create(701);

    assertThat(wire.takeCount()).isEqualTo(1);
  }

  @Test
  void aReadIsOneRoundTrip() {
    Shipment created = create(702);
    wire.takeCount();

    Shipment read = service.core().getShipment().getShipment(created.id());

    assertThat(wire.takeCount()).isEqualTo(1);
    assertThat(read).isEqualTo(created);
  }

  @Test
  void anIdempotentCreateIsOneRoundTrip_theClaimTheCreateAndTheAnswerInOneStatement_andItsRetryTwo() {
    IdempotentRequest request = new IdempotentRequest("key:order-management", "order-703-attempt-1", "fingerprint");
    CreatedShipment created = service.core().idempotentCreateShipment().createShipment(command(703), request,
        s -> "{}");
    int firstTime = wire.takeCount();

    CreatedShipment retried = service.core().idempotentCreateShipment().createShipment(command(703), request,
        s -> "{}");

    assertThat(firstTime).isEqualTo(1);
    assertThat(wire.takeCount()).as("the claim that finds the key taken, the read of its answer").isEqualTo(2);
    assertThat(created.replayed()).isFalse();
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.shipmentId()).isEqualTo(created.shipmentId());
  }

  private Shipment create(long orderId) {
    return service.core().createShipment().createShipment(command(orderId));
  }

  private static CreateShipmentCommand command(long orderId) {
    return CreateShipmentCommand.of(OrderId.of(orderId), ShippingAddress.parse(US_ADDRESS));
  }
}

package com.ostore.shipping.bootstrap.interleaving;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.out.carrier.usps.UspsCarrierGateway;
import com.ostore.shipping.adapter.out.carrier.usps.UspsConfig;
import com.ostore.shipping.adapter.out.carrier.usps.UspsPaymentAccount;
import com.ostore.shipping.adapter.out.carrier.usps.UspsRateLimits;
import com.ostore.shipping.adapter.out.carrier.usps.UspsResilience;
import com.ostore.shipping.adapter.out.carrier.usps.UspsSender;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §2, USPS idempotency across days, through the application over a real database and the USPS
 * simulator: the purchase key is a random one stored with the package when its purchase first starts,
 * so a resumed purchase sends the same key with the same body the same day, ends with exactly one live
 * label once its mailing date has passed, and two environments sharing one USPS account never reuse
 * each other's keys.
 */
class UspsPurchaseKeyIT {
  /** 23:59:55 in New York, where USPS counts mailing dates: the first retry (10 s later) is the next day. */
  private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-01-06T04:59:55Z");
  private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(BEFORE_MIDNIGHT.minus(Duration.ofHours(6)));
  private UspsSimulator usps;
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() {
    usps = new UspsSimulator(UspsSimulator.DEFAULT_CLIENT_ID, UspsSimulator.DEFAULT_CLIENT_SECRET, clock).start();
    gateway = new UspsCarrierGateway(UspsConfig.defaults(usps.baseUrl(), UspsSimulator.DEFAULT_CLIENT_ID,
            Secret.of(UspsSimulator.DEFAULT_CLIENT_SECRET),
            new UspsPaymentAccount("56982563", "904128936", "904128937", UspsPaymentAccount.AccountType.EPS,
                "1000405525"),
            new UspsSender("Ada Lovelace", "OStore", "4120 Bingham Ave", "St. Louis", "MO", "63116", null))
        .withResilience(UspsResilience.fastForTests()).withRateLimits(UspsRateLimits.unlimited()).withClock(clock));
  }

  @AfterEach
  void stop() {
    gateway.close();
    usps.close();
  }

  @Test
  void givenTwoEnvironmentsSharingOneUspsAccount_whenEachBuysItsFirstShipment_thenEachGetsALabelOfItsOwn() {
    try (CoreOnDatabase staging = instance(new PausingCarrier(gateway));
        CoreOnDatabase loadTest = instance(new PausingCarrier(gateway))) {
      Shipment inStaging = create(staging, 10, "350 Fifth Avenue, New York, NY 10118, US");
      Shipment inLoadTest = create(loadTest, 20, "1600 Pennsylvania Ave NW, Washington, DC 20500, US");

      work(staging);
      work(loadTest);

      assertThat(inStaging.id()).as("both environments start their ids at 1").isEqualTo(inLoadTest.id());
      Shipment first = reread(staging, inStaging);
      Shipment second = reread(loadTest, inLoadTest);
      assertThat(List.of(first.status(), second.status())).containsOnly(ShipmentStatus.LABEL_CREATED);
      assertThat(first.parcels().get(0).trackingNumber()).isNotEqualTo(second.parcels().get(0).trackingNumber());
      assertThat(usps.counters().labelsCharged()).isEqualTo(2);
      assertThat(usps.counters().idempotentReplays()).isZero();
    }
  }

  @Test
  void givenAPurchaseWhoseAnswerWasLost_whenResumedTheSameDay_thenTheSameKeyAndBodyGetBackTheLabelSoldFirst() {
    PausingCarrier carrier = new PausingCarrier(gateway);
    try (CoreOnDatabase service = instance(carrier)) {
      Shipment shipment = create(service, 30, "350 Fifth Avenue, New York, NY 10118, US");
      carrier.loseNextAnswer();

      work(service);
      assertThat(reread(service, shipment).status()).isEqualTo(ShipmentStatus.PENDING);
      clock.advance(FIRST_RETRY);
      work(service);

      Shipment labelled = reread(service, shipment);
      assertThat(labelled.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
      assertThat(usps.counters().labelsCharged()).as("one label sold").isEqualTo(1);
      assertThat(usps.counters().idempotentReplays()).as("the retry's key and body matched the first").isEqualTo(1);
      assertThat(usps.liveTrackingNumbers(reference(shipment)))
          .containsExactly(labelled.parcels().get(0).trackingNumber().value());
    }
  }

  @Test
  void givenAPurchaseWhoseAnswerWasLostBeforeMidnight_whenResumedAfterItsMailingDatePassed_thenOneLiveLabel() {
    clock.set(BEFORE_MIDNIGHT.minusSeconds(1));
    PausingCarrier carrier = new PausingCarrier(gateway);
    try (CoreOnDatabase service = instance(carrier)) {
      Shipment shipment = create(service, 40, "350 Fifth Avenue, New York, NY 10118, US");
      carrier.loseNextAnswer();

      work(service);
      List<String> soldBeforeMidnight = usps.liveTrackingNumbers(reference(shipment));
      clock.advance(FIRST_RETRY);
      work(service);

      Shipment labelled = reread(service, shipment);
      assertThat(labelled.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
      String live = labelled.parcels().get(0).trackingNumber().value();
      assertThat(usps.liveTrackingNumbers(reference(shipment))).containsExactly(live);
      assertThat(soldBeforeMidnight).singleElement()
          .satisfies(yesterdays -> assertThat(usps.isCancelled(yesterdays)).isTrue());
      assertThat(usps.counters().contractRejections()).isZero();
    }
  }

  private CoreOnDatabase instance(PausingCarrier carrier) {
    return CoreOnDatabase.on(EmbeddedDatabase.freshDatabase(), clock).carriers(carrier).start();
  }

  private static Shipment create(CoreOnDatabase service, long order, String address) {
    return service.core().createShipment().createShipment(new CreateShipmentCommand(OrderId.of(order),
        ShippingAddress.parse(address), CarrierCode.USPS, null, List.of()));
  }

  private static void work(CoreOnDatabase service) {
    while (service.core().labelWork().processDueLabelTasks() > 0) {
      // until no label work is due
    }
  }

  private static Shipment reread(CoreOnDatabase service, Shipment shipment) {
    return service.core().getShipment().getShipment(shipment.id());
  }

  private static String reference(Shipment shipment) {
    return "ostore-shipment-" + shipment.id();
  }
}

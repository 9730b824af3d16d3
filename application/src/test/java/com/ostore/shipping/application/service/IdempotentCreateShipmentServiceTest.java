package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.SEED_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotencyKeyReusedException;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdempotentCreateShipmentServiceTest {
  private static final CreateShipmentCommand SEED =
      CreateShipmentCommand.of(OrderId.of(123), ShippingAddress.parse(SEED_ADDRESS));
  private static final String SAME_BODY = "f".repeat(64);

  private final ShippingFixture fixture = new ShippingFixture();
  private final IdempotentCreateShipmentService service = fixture.idempotentCreateService();
  private final AtomicInteger renders = new AtomicInteger();
  private final Function<Shipment, String> render =
      shipment -> "response #" + renders.incrementAndGet() + " for " + shipment.id();

  @Test
  void theFirstRequestWithAKeyCreatesTheShipmentAndKeepsTheAnswerGiven() {
    CreatedShipment created = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    assertThat(created.replayed()).isFalse();
    assertThat(created.response()).isEqualTo("response #1 for " + created.shipmentId());
    assertThat(fixture.shipments.all()).singleElement()
        .satisfies(shipment -> assertThat(shipment.id()).isEqualTo(created.shipmentId()));
    assertThat(fixture.tasks.all()).hasSize(1);
  }

  @Test
  void givenAKeyAlreadyUsed_whenTheSameRequestComesAgain_thenTheFirstAnswerIsReplayedAndNothingIsCreated() {
    CreatedShipment first = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    CreatedShipment again = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    assertThat(again.replayed()).isTrue();
    assertThat(again.shipmentId()).isEqualTo(first.shipmentId());
    assertThat(again.response()).isEqualTo(first.response());
    assertThat(again.response()).as("the answer first given, not one made now").startsWith("response #1 ");
    assertThat(fixture.shipments.all()).hasSize(1);
    assertThat(fixture.tasks.all()).hasSize(1);
  }

  @Test
  void givenAKeyAlreadyUsed_whenADifferentRequestComesWithIt_thenItIsRefusedAndNothingIsCreated() {
    service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    assertThatExceptionOfType(IdempotencyKeyReusedException.class).isThrownBy(
        () -> service.createShipment(SEED, request("caller-a", "key-1", "0".repeat(64)), render))
        .withMessageContaining("already used for a different request");

    assertThat(fixture.shipments.all()).hasSize(1);
  }

  @Test
  void givenARequestRefusedAsInvalid_thenItsKeyIsNotTaken_andACorrectedRetryWithItCreatesTheShipment() {
    CreateShipmentCommand unknownService = new CreateShipmentCommand(OrderId.of(123),
        ShippingAddress.parse(SEED_ADDRESS), CarrierCode.FEDEX, "TELEPORT", List.of());

    assertThatExceptionOfType(ValidationException.class).isThrownBy(
        () -> service.createShipment(unknownService, request("caller-a", "key-1", "0".repeat(64)), render));
    CreatedShipment created = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    assertThat(created.replayed()).isFalse();
    assertThat(fixture.shipments.all()).hasSize(1);
  }

  @Test
  void givenAKeyAlreadyUsed_whenAnInvalidRequestComesWithIt_thenItIsRefusedAsAReuseOfTheKey() {
    service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);
    CreateShipmentCommand unknownService = new CreateShipmentCommand(OrderId.of(123),
        ShippingAddress.parse(SEED_ADDRESS), CarrierCode.FEDEX, "TELEPORT", List.of());

    assertThatExceptionOfType(IdempotencyKeyReusedException.class).isThrownBy(
        () -> service.createShipment(unknownService, request("caller-a", "key-1", "0".repeat(64)), render));

    assertThat(fixture.shipments.all()).hasSize(1);
  }

  @Test
  void twoCallersMayUseTheSameKeyForShipmentsOfTheirOwn() {
    CreatedShipment first = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    CreatedShipment second = service.createShipment(SEED, request("caller-b", "key-1", SAME_BODY), render);

    assertThat(second.replayed()).isFalse();
    assertThat(second.shipmentId()).isNotEqualTo(first.shipmentId());
    assertThat(fixture.shipments.all()).hasSize(2);
  }

  @Test
  void givenTheRetentionWindowHasPassed_whenTheKeyComesAgain_thenItCreatesANewShipment() {
    CreatedShipment first = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);
    fixture.clock.advance(Duration.ofDays(1).plusSeconds(1));

    CreatedShipment later = service.createShipment(SEED, request("caller-a", "key-1", SAME_BODY), render);

    assertThat(later.replayed()).isFalse();
    assertThat(later.shipmentId()).isNotEqualTo(first.shipmentId());
  }

  @Test
  void thePurgeForgetsKeysOnceTheirWindowHasPassed() {
    service.createShipment(SEED, request("caller-a", "old", SAME_BODY), render);
    fixture.clock.advance(Duration.ofHours(23));
    service.createShipment(SEED, request("caller-a", "recent", SAME_BODY), render);
    fixture.clock.advance(Duration.ofHours(2));

    int purged = service.purgeExpiredIdempotencyKeys();

    assertThat(purged).isEqualTo(1);
    assertThat(fixture.idempotencyKeys.find("caller-a", "old")).isEmpty();
    assertThat(fixture.idempotencyKeys.find("caller-a", "recent")).isPresent();
  }

  @Test
  void aKeyThatIsNotAShortVisibleAsciiStringIsRefused() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> request("caller-a", "", SAME_BODY));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> request("caller-a", "a b", SAME_BODY));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> request("caller-a", "k".repeat(256), SAME_BODY));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> request("caller-a", "clé", SAME_BODY));
  }

  private static IdempotentRequest request(String caller, String key, String fingerprint) {
    return new IdempotentRequest(caller, key, fingerprint);
  }
}

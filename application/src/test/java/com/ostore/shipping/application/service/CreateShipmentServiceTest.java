package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.SEED_ADDRESS;
import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.application.testing.StoredTask.State;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.ValidationException;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.TaskKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateShipmentServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final CreateShipmentService service = fixture.createService();

  @Test
  void theSeedsRequestStoresAPendingShipmentWithTheDefaultsAndOneLabelTaskDueNow() {
    Shipment shipment = service.createShipment(CreateShipmentCommand.of(OrderId.of(123), ShippingAddress.parse(SEED_ADDRESS)));

    assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
    assertThat(shipment.orderId()).isEqualTo(OrderId.of(123));
    assertThat(shipment.address().text()).isEqualTo(SEED_ADDRESS);
    assertThat(shipment.carrier()).isEqualTo(CarrierCode.FEDEX);
    assertThat(shipment.serviceType()).isEqualTo("FEDEX_GROUND");
    assertThat(shipment.parcels()).singleElement().satisfies(parcel -> {
      assertThat(parcel.weight()).isEqualTo(ShippingFixture.DEFAULT_PARCEL.weight());
      assertThat(parcel.dimensions()).isEqualTo(ShippingFixture.DEFAULT_PARCEL.dimensions());
      assertThat(parcel.status()).isEqualTo(ShipmentStatus.PENDING);
    });
    assertThat(fixture.shipments.all()).containsExactly(shipment);
    assertThat(fixture.tasks.all()).singleElement().satisfies(task -> {
      assertThat(task.kind()).isEqualTo(TaskKind.CREATE_LABELS);
      assertThat(task.subjectId()).isEqualTo(shipment.id().value());
      assertThat(task.runAt()).isEqualTo(T0);
      assertThat(task.state()).isEqualTo(State.WAITING);
    });
  }

  @Test
  void aChosenCarrierServiceAndPackagesAreUsed() {
    List<ParcelRequest> packages = List.of(
        new ParcelRequest(Weight.pounds("1.25"), null),
        new ParcelRequest(Weight.pounds("20"), Dimensions.parse("20x10x10 in")));

    Shipment shipment = service.createShipment(new CreateShipmentCommand(OrderId.of(7),
        ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US"), CarrierCode.USPS, "PRIORITY_MAIL", packages));

    assertThat(shipment.carrier()).isEqualTo(CarrierCode.USPS);
    assertThat(shipment.serviceType()).isEqualTo("PRIORITY_MAIL");
    assertThat(shipment.parcels()).extracting(Parcel::weight).containsExactly(Weight.pounds("1.25"), Weight.pounds("20"));
    assertThat(shipment.parcels().get(0).dimensionsIfKnown()).isEmpty();
    assertThat(shipment.parcels()).extracting(Parcel::id).doesNotHaveDuplicates();
    assertThat(fixture.shipments.get(shipment.id())).isEqualTo(shipment);
  }

  @Test
  void aServiceTheCarrierDoesNotSellIsRefusedNamingTheServicesItDoesAndNothingIsStored() {
    CreateShipmentCommand command = new CreateShipmentCommand(OrderId.of(7), ShippingAddress.parse(SEED_ADDRESS),
        CarrierCode.USPS, "FEDEX_GROUND", null);

    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> service.createShipment(command))
        .withMessage("serviceType must be one of PRIORITY_MAIL, PRIORITY_MAIL_EXPRESS, USPS_GROUND_ADVANTAGE"
            + " for carrier usps");
    assertThat(fixture.shipments.all()).isEmpty();
    assertThat(fixture.tasks.all()).isEmpty();
  }

  @Test
  void aKnownServiceWrittenInAnyCaseIsStoredInTheCarriersSpelling() {
    Shipment shipment = service.createShipment(new CreateShipmentCommand(OrderId.of(7),
        ShippingAddress.parse(SEED_ADDRESS), CarrierCode.USPS, " priority_mail ", null));

    assertThat(shipment.serviceType()).isEqualTo("PRIORITY_MAIL");
  }

  @Test
  void aChosenCarrierWithoutAServiceGetsThatCarriersDefaultService() {
    Shipment shipment = service.createShipment(new CreateShipmentCommand(OrderId.of(7),
        ShippingAddress.parse(SEED_ADDRESS), CarrierCode.USPS, null, null));

    assertThat(shipment.serviceType()).isEqualTo("USPS_GROUND_ADVANTAGE");
  }

  @Test
  void twoShipmentsOfOneOrderEachGetTheirOwnLabelTask() {
    CreateShipmentCommand command = CreateShipmentCommand.of(OrderId.of(5), ShippingAddress.parse(SEED_ADDRESS));

    Shipment first = service.createShipment(command);
    Shipment second = service.createShipment(command);

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(fixture.shipments.findByOrderId(OrderId.of(5))).containsExactly(first, second);
    assertThat(fixture.tasks.all()).extracting(t -> t.subjectId())
        .containsExactly(first.id().value(), second.id().value());
  }

  @Test
  void aCarrierWithoutAGatewayIsRejectedAndNothingIsWritten() {
    CreateShipmentService fedexOnly = new CreateShipmentService(fixture.shipments,
        new CarrierGateways(List.of(fixture.fedex)), ShippingFixture.PREFERENCES, fixture.clock);
    CreateShipmentCommand command = new CreateShipmentCommand(OrderId.of(123), ShippingAddress.parse(SEED_ADDRESS),
        CarrierCode.USPS, null, null);

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> fedexOnly.createShipment(command))
        .withMessage("carrier usps is not enabled");
    assertThat(fixture.shipments.all()).isEmpty();
    assertThat(fixture.tasks.all()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USPS  | 24 Sussex Drive, Ottawa, ON K1M 1M4, Canada | Canada",
      "USPS  | 10 Downing Street, London, GBR               | GBR",
      "FEDEX | 10 Downing Street, London, United Kingdom    | United Kingdom",
      "FEDEX | 1 Calle Fortaleza, San Juan, PR 00901, PR    | PR"})
  void givenADestinationTheCarrierCannotLabel_whenCreating_thenRefusedNamingItAndNothingIsStored(
      CarrierCode carrier, String address, String written) {
    CreateShipmentCommand command = new CreateShipmentCommand(OrderId.of(9), ShippingAddress.parse(address), carrier,
        null, null);

    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> service.createShipment(command))
        .withMessageContaining("carrier " + carrier.wireName() + " cannot ship to '" + written + "'")
        .withMessageContaining("US");
    assertThat(fixture.shipments.all()).isEmpty();
    assertThat(fixture.tasks.all()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USPS  | 1 Calle Fortaleza, San Juan, PR 00901, Puerto Rico",
      "USPS  | 350 Fifth Avenue, New York, NY 10118, United States",
      "FEDEX | 350 Fifth Avenue, New York, NY 10118, USA",
      "FEDEX | 123 Main St, City, Country",
      "USPS  | 123 Main St, City, Country"})
  void givenADestinationTheCarrierTakesOrOneTheServiceCannotResolve_whenCreating_thenAccepted(
      CarrierCode carrier, String address) {
    Shipment shipment = service.createShipment(new CreateShipmentCommand(OrderId.of(9), ShippingAddress.parse(address),
        carrier, null, null));

    assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
  }
}

package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.text;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FedexShipContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  private static final String SHIP = sample("fedex/fedex-ship-v1-create-shipment-request-intl.schema-conforming.json");
  private static final String CANCEL = sample("fedex/fedex-ship-v1-cancel-shipment-request.json");

  private static List<String> ship(String body) {
    return CONTRACTS.checkJson(Carrier.FEDEX, "POST", "/ship/v1/shipments", body).stream()
        .map(ContractViolation::toString).toList();
  }

  private static List<String> cancel(String body) {
    return CONTRACTS.checkJson(Carrier.FEDEX, "PUT", "/ship/v1/shipments/cancel", body).stream()
        .map(ContractViolation::toString).toList();
  }

  @Test
  void givenKarrioRequestWithIntegerDimensionsAndKgCommodity_check_findsNothing() {
    assertThat(ship(SHIP)).isEmpty();
  }

  @Test
  void givenKarrioRequestAsRecorded_check_refusesDecimalDimensionsAndPoundCommodity() {
    assertThat(ship(sample("fedex/fedex-ship-v1-create-shipment-request-intl.json"))).containsExactlyInAnyOrder(
        "/: must be valid to one and only one schema, but 0 are valid",
        "/requestedShipment/customsClearanceDetail/commodities/0/weight/units: does not have a value in the enumeration [\"KG\"]",
        "/requestedShipment/requestedPackageLineItems/0/dimensions/length: number found, integer expected",
        "/requestedShipment/requestedPackageLineItems/0/dimensions/width: number found, integer expected",
        "/requestedShipment/requestedPackageLineItems/0/dimensions/height: number found, integer expected");
  }

  @ParameterizedTest
  @CsvSource({
      "/accountNumber, /, accountNumber",
      "/labelResponseOptions, /, labelResponseOptions",
      "/requestedShipment, /, requestedShipment",
      "/requestedShipment/shipper, /requestedShipment, shipper",
      "/requestedShipment/recipients, /requestedShipment, recipients",
      "/requestedShipment/pickupType, /requestedShipment, pickupType",
      "/requestedShipment/serviceType, /requestedShipment, serviceType",
      "/requestedShipment/packagingType, /requestedShipment, packagingType",
      "/requestedShipment/totalWeight, /requestedShipment, totalWeight",
      "/requestedShipment/shippingChargesPayment, /requestedShipment, shippingChargesPayment",
      "/requestedShipment/labelSpecification, /requestedShipment, labelSpecification",
      "/requestedShipment/requestedPackageLineItems, /requestedShipment, requestedPackageLineItems",
      "/requestedShipment/shipper/contact/phoneNumber, /requestedShipment/shipper/contact, phoneNumber",
      "/requestedShipment/shipper/address/streetLines, /requestedShipment/shipper/address, streetLines",
      "/requestedShipment/recipients/0/contact, /requestedShipment/recipients/0, contact",
      "/requestedShipment/recipients/0/contact/phoneNumber, /requestedShipment/recipients/0/contact, phoneNumber",
      "/requestedShipment/recipients/0/address/city, /requestedShipment/recipients/0/address, city",
      "/requestedShipment/recipients/0/address/countryCode, /requestedShipment/recipients/0/address, countryCode",
      "/requestedShipment/shippingChargesPayment/paymentType, /requestedShipment/shippingChargesPayment, paymentType",
      "/requestedShipment/shippingChargesPayment/payor/responsibleParty/accountNumber, "
          + "/requestedShipment/shippingChargesPayment/payor/responsibleParty, accountNumber",
      "/requestedShipment/labelSpecification/imageType, /requestedShipment/labelSpecification, imageType",
      "/requestedShipment/labelSpecification/labelStockType, /requestedShipment/labelSpecification, labelStockType",
      "/requestedShipment/requestedPackageLineItems/0/weight, /requestedShipment/requestedPackageLineItems/0, weight",
      "/requestedShipment/requestedPackageLineItems/0/weight/units, /requestedShipment/requestedPackageLineItems/0/weight, units",
      "/requestedShipment/requestedPackageLineItems/0/weight/value, /requestedShipment/requestedPackageLineItems/0/weight, value"})
  void givenRequiredFieldRemoved_check_namesIt(String pointer, String location, String property) {
    assertThat(ship(without(SHIP, pointer))).contains(location + ": required property '" + property + "' not found");
  }

  @ParameterizedTest
  @CsvSource({
      "/labelResponseOptions, PDF_ONLY",
      "/requestedShipment/pickupType, TELEPORT",
      "/requestedShipment/shippingChargesPayment/paymentType, CARD",
      "/requestedShipment/labelSpecification/imageType, GIF",
      "/requestedShipment/labelSpecification/labelStockType, PAPER_5X7",
      "/requestedShipment/labelSpecification/labelFormatType, FANCY",
      "/requestedShipment/requestedPackageLineItems/0/weight/units, OZ",
      "/requestedShipment/requestedPackageLineItems/0/dimensions/units, FT",
      "/requestedShipment/requestedPackageLineItems/0/customerReferences/0/customerReferenceType, ORDER"})
  void givenUnknownEnumValue_check_refusesIt(String pointer, String value) {
    assertThat(ship(with(SHIP, pointer, "\"" + value + "\"")))
        .anyMatch(message -> message.startsWith(pointer + ": does not have a value in the enumeration"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/requestedShipment/totalWeight | \"20 lb\" | string found, number expected",
      "/requestedShipment/requestedPackageLineItems/0/dimensions/length | 12.5 | number found, integer expected",
      "/requestedShipment/recipients/0/address/streetLines | \"1 Main St\" | string found, array expected",
      "/requestedShipment/recipients | {} | object found, array expected",
      "/requestedShipment/totalPackageCount | \"1\" | string found, integer expected"})
  void givenWrongType_check_saysWhichTypeItWanted(String pointer, String value, String message) {
    assertThat(ship(with(SHIP, pointer, value))).contains(pointer + ": " + message);
  }

  @Test
  void givenCityOverThirtyFiveCharacters_check_givesTheLimit() {
    assertThat(ship(with(SHIP, "/requestedShipment/recipients/0/address/city", text(36))))
        .contains("/requestedShipment/recipients/0/address/city: must be at most 35 characters long");
  }

  @Test
  void givenMadeUpServiceType_check_findsNothingBecauseThePublishedSchemaHasNoEnum() {
    assertThat(ship(with(SHIP, "/requestedShipment/serviceType", "\"TELEPORT\""))).isEmpty();
  }

  @Test
  void givenPublishedCancelRequest_check_findsNothing() {
    assertThat(cancel(CANCEL)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/accountNumber | | /: required property 'accountNumber' not found",
      "/trackingNumber | | /: required property 'trackingNumber' not found",
      "/deletionControl | \"DELETE_ONE_PACKAGE\" | /deletionControl: does not have a value in the enumeration [\"DELETE_ALL_PACKAGES\"]",
      "/emailShipment | \"false\" | /emailShipment: string found, boolean expected"})
  void givenBrokenCancelRequest_check_refusesIt(String pointer, String value, String message) {
    String body = value == null ? without(CANCEL, pointer) : with(CANCEL, pointer, value);

    assertThat(cancel(body)).contains(message);
  }
}

package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.text;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UspsLabelContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  private static final String LABEL = sample("usps/usps-labels-v3-label-request-ground-advantage.spec-example.json");

  private static List<String> check(String body) {
    return CONTRACTS.checkJson(Carrier.USPS, "POST", "/labels/v3/label", body).stream()
        .map(ContractViolation::toString).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "usps-labels-v3-label-request-ground-advantage.spec-example.json",
      "usps-labels-v3-label-request.usps-readme.json",
      "usps-labels-v3-label-request.karrio-fixture.json"})
  void givenPublishedLabelRequest_check_findsNothing(String file) {
    assertThat(check(sample("usps/" + file))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "/toAddress, /, toAddress",
      "/fromAddress, /, fromAddress",
      "/packageDescription, /, packageDescription",
      "/fromAddress/streetAddress, /fromAddress, streetAddress",
      "/fromAddress/city, /fromAddress, city",
      "/fromAddress/state, /fromAddress, state",
      "/fromAddress/ZIPCode, /fromAddress, ZIPCode",
      "/packageDescription/mailClass, /packageDescription, mailClass",
      "/packageDescription/rateIndicator, /packageDescription, rateIndicator",
      "/packageDescription/weight, /packageDescription, weight",
      "/packageDescription/length, /packageDescription, length",
      "/packageDescription/width, /packageDescription, width",
      "/packageDescription/height, /packageDescription, height",
      "/packageDescription/processingCategory, /packageDescription, processingCategory",
      "/packageDescription/mailingDate, /packageDescription, mailingDate",
      "/packageDescription/destinationEntryFacilityType, /packageDescription, destinationEntryFacilityType"})
  void givenRequiredFieldRemoved_check_namesIt(String pointer, String location, String property) {
    assertThat(check(without(LABEL, pointer)))
        .contains(location + ": required property '" + property + "' not found");
  }

  @ParameterizedTest
  @CsvSource({
      "/packageDescription/mailClass, PRIORITY_MAIL_TELEPORT",
      "/packageDescription/rateIndicator, ZZ",
      "/packageDescription/processingCategory, SQUARE",
      "/packageDescription/destinationEntryFacilityType, MOON",
      "/packageDescription/weightUOM, kg",
      "/packageDescription/dimensionsUOM, cm",
      "/imageInfo/imageType, BMP",
      "/imageInfo/labelType, 5X7LABEL",
      "/imageInfo/receiptOption, EMAIL"})
  void givenUnknownEnumValue_check_refusesIt(String pointer, String value) {
    assertThat(check(with(LABEL, pointer, "\"" + value + "\"")))
        .anyMatch(message -> message.startsWith(pointer + ": does not have a value in the enumeration"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/packageDescription/weight | \"heavy\" | string found, number expected",
      "/packageDescription/length | true | boolean found, number expected",
      "/toAddress | \"350 Fifth Avenue\" | string found, object expected",
      "/imageInfo/suppressPostage | \"yes\" | string found, boolean expected",
      "/packageDescription/extraServices | 920 | integer found, array expected"})
  void givenWrongType_check_saysWhichTypeItWanted(String pointer, String value, String message) {
    assertThat(check(with(LABEL, pointer, value))).contains(pointer + ": " + message);
  }

  @ParameterizedTest
  @CsvSource({
      "/toAddress/streetAddress, 51, 50",
      "/toAddress/secondaryAddress, 51, 50",
      "/toAddress/city, 29, 28",
      "/toAddress/firstName, 51, 50",
      "/toAddress/lastName, 51, 50",
      "/fromAddress/streetAddress, 51, 50"})
  void givenOverLongText_check_givesTheLimit(String pointer, int length, int limit) {
    assertThat(check(with(LABEL, pointer, text(length))))
        .contains(pointer + ": must be at most " + limit + " characters long");
  }

  @Test
  void givenOverLongCustomerReference_check_givesTheLimit() {
    String body = with(LABEL, "/packageDescription/customerReference",
        "[{\"referenceNumber\":" + text(31) + ",\"printReferenceNumber\":true}]");

    assertThat(check(body))
        .contains("/packageDescription/customerReference/0/referenceNumber: must be at most 30 characters long");
  }

  @Test
  void givenMalformedZipAndDate_check_quotesPatternAndFormat() {
    String body = with(with(LABEL, "/toAddress/ZIPCode", "\"6310\""), "/packageDescription/mailingDate", "\"2024-13-05\"");

    assertThat(check(body)).contains(
        "/toAddress/ZIPCode: does not match the regex pattern ^\\d{5}$",
        "/packageDescription/mailingDate: does not match the date pattern must be a valid RFC 3339 full-date");
  }

  @Test
  void givenZeroWeight_check_refusesIt() {
    assertThat(check(with(LABEL, "/packageDescription/weight", "0")))
        .contains("/packageDescription/weight: must have a minimum value of 0");
  }

  @Test
  void givenUnknownTopLevelMember_check_refusesIt() {
    assertThat(check(with(LABEL, "/shipmentId", "\"1001\""))).containsExactly(
        "/: property 'shipmentId' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void givenNullZipPlus4_check_acceptsIt() {
    assertThat(check(with(LABEL, "/toAddress/ZIPPlus4", "null"))).isEmpty();
  }

  @Test
  void givenRecipientWithoutNameOrFirm_check_refusesItLikeError160075() {
    String body = without(without(LABEL, "/toAddress/firstName"), "/toAddress/lastName");

    assertThat(check(body)).containsExactly(
        "/toAddress: required property 'firstName' not found",
        "/toAddress: required property 'lastName' not found",
        "/toAddress: required property 'firm' not found");
  }

  @Test
  void givenRecipientWithFirmOnly_check_acceptsIt() {
    String body = with(without(without(LABEL, "/toAddress/firstName"), "/toAddress/lastName"), "/toAddress/firm", "\"OStore\"");

    assertThat(check(body)).isEmpty();
  }

  @Test
  void givenSenderWithFirstNameOnlyOrEmptyFirm_check_refusesIt() {
    String body = with(without(LABEL, "/fromAddress/lastName"), "/fromAddress/firm", "\"\"");

    assertThat(check(body)).contains(
        "/fromAddress: required property 'lastName' not found",
        "/fromAddress/firm: must be at least 1 characters long");
  }

  @Test
  void givenTextThatIsNotJson_check_saysSo() {
    assertThat(CONTRACTS.checkJson(Carrier.USPS, "post-label", "{\"toAddress\":"))
        .extracting(ContractViolation::keyword).containsExactly("syntax");
    assertThat(CONTRACTS.checkJson(Carrier.USPS, "post-label", " "))
        .extracting(ContractViolation::message).containsExactly("request body is required");
  }
}

package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.text;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UspsPaymentsTrackingOAuthContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  /** USPS's README sample masks the ids as XXXX; the schema wants 6 or 9 digits there. */
  private static final String PAYMENT = sample("usps/usps-payments-v3-payment-authorization-request.usps-readme.json")
      .replace("\"XXXXXXXXX\"", "\"904128936\"");
  private static final String TRACKING = sample("usps/usps-tracking-v3r2-request.composed.json");

  private static List<String> payment(String body) {
    return messages(CONTRACTS.checkJson(Carrier.USPS, "POST", "/payments/v3/payment-authorization", body));
  }

  private static List<String> tracking(String body) {
    return messages(CONTRACTS.checkJson(Carrier.USPS, "POST", "/tracking/v3r2/tracking", body));
  }

  private static List<String> messages(List<ContractViolation> violations) {
    return violations.stream().map(ContractViolation::toString).toList();
  }

  @Test
  void givenPublishedPaymentAuthorization_check_findsNothing() {
    assertThat(payment(PAYMENT)).isEmpty();
  }

  @Test
  void givenPaymentWithoutRoles_check_namesRoles() {
    assertThat(payment("{}")).containsExactly("/: required property 'roles' not found");
  }

  @ParameterizedTest
  @CsvSource({
      "/roles/0/roleName, BUYER, does not have a value in the enumeration",
      "/roles/0/accountType, CASH, does not have a value in the enumeration",
      "/roles/0/MID, 12345, does not match the regex pattern ^(\\d{6}|\\d{9})$"})
  void givenBadRoleValue_check_refusesIt(String pointer, String value, String message) {
    assertThat(payment(with(PAYMENT, pointer, "\"" + value + "\""))).anyMatch(m -> m.startsWith(pointer + ": " + message));
  }

  @Test
  void givenOverLongCrid_check_givesTheLimit() {
    assertThat(payment(with(PAYMENT, "/roles/1/CRID", text(19)))).contains("/roles/1/CRID: must be at most 18 characters long");
  }

  @Test
  void givenPayerWithoutCrid_check_refusesItAsTheDescriptionSays() {
    assertThat(payment(without(PAYMENT, "/roles/0/CRID"))).contains("/roles/0: required property 'CRID' not found");
  }

  @Test
  void givenNoLabelOwnerRole_check_refusesIt() {
    assertThat(payment(without(PAYMENT, "/roles/1"))).singleElement().asString().startsWith("/roles: must not be valid");
  }

  @Test
  void givenPermitAccountWithoutPermitNumber_check_refusesIt() {
    assertThat(payment(with(PAYMENT, "/roles/0/accountType", "\"PERMIT\"")))
        .contains("/roles/0: required property 'permitNumber' not found", "/roles/0: required property 'permitZIP' not found");
  }

  @Test
  void givenReadOnlyTokenInRequest_check_refusesIt() {
    assertThat(payment(with(PAYMENT, "/paymentAuthorizationToken", "\"eyJ\""))).singleElement().asString()
        .startsWith("/paymentAuthorizationToken: is a readonly field");
  }

  @Test
  void givenComposedTrackingBatch_check_findsNothing() {
    assertThat(tracking(TRACKING)).isEmpty();
  }

  @Test
  void givenThirtySixNumbersOrNone_check_givesTheBatchLimits() {
    String item = "{\"trackingNumber\":\"9400109104250532908587\"}";
    String thirtySix = IntStream.range(0, 36).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));

    assertThat(tracking(thirtySix)).containsExactly("/: must have at most 35 items but found 36");
    assertThat(tracking("[]")).containsExactly("/: must have at least 1 items but found 0");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/0/expand | \"DETAIL\" | /0: property 'expand' is not defined in the schema and the schema does not allow additional properties",
      "/0/trackingNumber | \"94-00\" | /0/trackingNumber: does not match the regex pattern ^[A-Za-z0-9]{4,34}$",
      "/0/trackingNumber | 9400109104 | /0/trackingNumber: integer found, string expected",
      "/1/destinationZIPCode | \"7310\" | /1/destinationZIPCode: does not match the regex pattern ^\\d{5}$",
      "/1/mailingDate | \"15/11/2024\" | /1/mailingDate: does not match the date pattern must be a valid RFC 3339 full-date"})
  void givenBadTrackingItem_check_refusesIt(String pointer, String value, String message) {
    assertThat(tracking(with(TRACKING, pointer, value))).contains(message);
  }

  @Test
  void givenTrackingItemWithoutNumber_check_namesIt() {
    assertThat(tracking(without(TRACKING, "/0/trackingNumber"))).containsExactly("/0: required property 'trackingNumber' not found");
  }

  @Test
  void givenUspsReadmeTokenRequest_checkAsJsonAndAsForm_findsNothing() {
    assertThat(CONTRACTS.checkJson(Carrier.USPS, "POST", "/oauth2/v3/token", sample("usps/usps-oauth2-v3-token-request.json")))
        .isEmpty();
    assertThat(CONTRACTS.checkForm(Carrier.USPS, "post-token",
        Map.of("grant_type", "client_credentials", "client_id", "id", "client_secret", "secret"))).isEmpty();
  }

  @Test
  void givenTokenRequestWithoutSecretOrWithUnknownField_check_refusesIt() {
    assertThat(messages(CONTRACTS.checkForm(Carrier.USPS, "post-token",
        Map.of("grant_type", "client_credentials", "client_id", "id"))))
        .contains("/: required property 'client_secret' not found");
    assertThat(messages(CONTRACTS.checkForm(Carrier.USPS, "post-token",
        Map.of("grant_type", "client_credentials", "client_id", "id", "client_secret", "s", "audience", "x"))))
        .contains("/: property 'audience' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void givenGrantTypeThatDoesNotMatchTheFields_check_refusesIt() {
    assertThat(messages(CONTRACTS.checkForm(Carrier.USPS, "post-token",
        Map.of("grant_type", "password", "client_id", "id", "client_secret", "s"))))
        .contains("/grant_type: does not have a value in the enumeration [\"client_credentials\"]");
    assertThat(CONTRACTS.checkForm(Carrier.USPS, "post-token",
        Map.of("grant_type", "refresh_token", "client_id", "id", "client_secret", "s", "refresh_token", "r"))).isEmpty();
  }
}

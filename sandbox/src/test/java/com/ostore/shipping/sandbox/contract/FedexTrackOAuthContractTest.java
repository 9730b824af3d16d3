package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FedexTrackOAuthContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  private static final String TRACK = sample("fedex/fedex-track-v1-request.json");
  private static final String REFERENCE = """
      {"includeDetailedScans": false, "referencesInformation": {"type": "CUSTOMER_REFERENCE",
       "value": "ostore-shipment-1001", "accountNumber": "740561073",
       "shipDateBegin": "2026-11-27", "shipDateEnd": "2026-12-01"}}""";

  private static List<String> track(String body) {
    return messages(CONTRACTS.checkJson(Carrier.FEDEX, "POST", "/track/v1/trackingnumbers", body));
  }

  private static List<String> reference(String body) {
    return messages(CONTRACTS.checkJson(Carrier.FEDEX, "Track by References", body));
  }

  private static List<String> messages(List<ContractViolation> violations) {
    return violations.stream().map(ContractViolation::toString).toList();
  }

  @Test
  void givenKarrioTrackRequest_check_findsNothing() {
    assertThat(track(TRACK)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "/includeDetailedScans, /, includeDetailedScans",
      "/trackingInfo, /, trackingInfo",
      "/trackingInfo/0/trackingNumberInfo, /trackingInfo/0, trackingNumberInfo",
      "/trackingInfo/0/trackingNumberInfo/trackingNumber, /trackingInfo/0/trackingNumberInfo, trackingNumber"})
  void givenRequiredTrackFieldRemoved_check_namesIt(String pointer, String location, String property) {
    assertThat(track(without(TRACK, pointer))).contains(location + ": required property '" + property + "' not found");
  }

  @Test
  void givenBadCarrierCodeOrFlag_check_refusesIt() {
    assertThat(track(with(TRACK, "/trackingInfo/0/trackingNumberInfo/carrierCode", "\"UPS\"")))
        .anyMatch(m -> m.startsWith("/trackingInfo/0/trackingNumberInfo/carrierCode: does not have a value in the enumeration"));
    assertThat(track(with(TRACK, "/includeDetailedScans", "\"true\"")))
        .contains("/includeDetailedScans: string found, boolean expected");
  }

  @Test
  void givenThirtyOneNumbersOrNone_check_givesTheLimitTheDescriptionStates() {
    String item = "{\"trackingNumberInfo\":{\"trackingNumber\":\"794953555571\"}}";
    String thirty = IntStream.range(0, 30).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));
    String thirtyOne = IntStream.range(0, 31).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));

    assertThat(track(with(TRACK, "/trackingInfo", thirty))).isEmpty();
    assertThat(track(with(TRACK, "/trackingInfo", thirtyOne))).contains("/trackingInfo: must have at most 30 items but found 31");
    assertThat(track(with(TRACK, "/trackingInfo", "[]"))).contains("/trackingInfo: must have at least 1 items but found 0");
  }

  @Test
  void givenReferenceRequestWithShipDateEnd_check_findsNothing() {
    assertThat(reference(REFERENCE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"value", "shipDateBegin", "shipDateEnd"})
  void givenRequiredReferenceFieldRemoved_check_namesIt(String property) {
    assertThat(reference(without(REFERENCE, "/referencesInformation/" + property)))
        .contains("/referencesInformation: required property '" + property + "' not found");
  }

  @Test
  void givenReferenceRequestWithoutReferences_check_namesIt() {
    assertThat(reference("{\"includeDetailedScans\": true}")).contains("/: required property 'referencesInformation' not found");
  }

  @Test
  void givenPublishedTokenRequest_check_findsNothing() {
    assertThat(CONTRACTS.checkForm(Carrier.FEDEX, "API Authorization", form(sample("fedex/fedex-oauth-token-request.form.txt"))))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"grant_type", "client_id", "client_secret"})
  void givenTokenFieldMissing_check_namesIt(String field) {
    Map<String, String> fields = form(sample("fedex/fedex-oauth-token-request.form.txt"));
    fields.remove(field);

    assertThat(messages(CONTRACTS.checkForm(Carrier.FEDEX, "API Authorization", fields)))
        .containsExactly("/: required property '" + field + "' not found");
  }

  private static Map<String, String> form(String encoded) {
    return Arrays.stream(encoded.strip().split("&")).map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b, LinkedHashMap::new));
  }
}

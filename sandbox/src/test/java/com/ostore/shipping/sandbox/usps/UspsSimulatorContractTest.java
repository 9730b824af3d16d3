package com.ostore.shipping.sandbox.usps;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.sandbox.testing.SimClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The USPS simulator refuses what USPS's published contract refuses, with USPS's error envelope. */
class UspsSimulatorContractTest {
  private static final String TODAY = "2026-01-05";
  private static final String LABEL = with(sample("usps/usps-labels-v3-label-request-ground-advantage.spec-example.json"),
      "/packageDescription/mailingDate", "\"" + TODAY + "\"");
  private static final String PAYMENT = "{\"roles\":[{\"roleName\":\"PAYER\",\"CRID\":\"56982563\",\"accountType\":\"EPS\","
      + "\"accountNumber\":\"1000405525\"},{\"roleName\":\"LABEL_OWNER\",\"CRID\":\"56982563\",\"MID\":\"904128936\","
      + "\"manifestMID\":\"904128937\"}]}";
  private static UspsSimulator simulator;
  private static SimClient usps;

  @BeforeAll
  static void start() {
    simulator = new UspsSimulator("sim-client", "sim-secret",
        Clock.fixed(Instant.parse(TODAY + "T14:00:00Z"), ZoneOffset.UTC)).start();
    String token = new SimClient(simulator.baseUrl()).postForm("/oauth2/v3/token",
        "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret").json().path("access_token").asText();
    usps = new SimClient(simulator.baseUrl()).header("Authorization", "Bearer " + token);
    String payment = usps.postJson("/payments/v3/payment-authorization", PAYMENT).json()
        .path("paymentAuthorizationToken").asText();
    usps.header("X-Payment-Authorization-Token", payment);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static SimClient.Answer label(String body, String key) {
    SimClient client = new SimClient(simulator.baseUrl());
    usps.headersInto(client);
    return client.header("X-Idempotency-Key", key).postJson("/labels/v3/label", body);
  }

  @Test
  void givenALabelWithoutRecipientNameOrFirm_whenBuying_thenRefusedAs160075InUspsEnvelope() {
    SimClient.Answer answer = label(without(without(LABEL, "/toAddress/firstName"), "/toAddress/lastName"),
        UUID.randomUUID().toString());

    assertThat(answer.status()).isEqualTo(400);
    JsonNode body = answer.json();
    assertThat(body.path("apiVersion").asText()).isEqualTo("/labels/v3");
    assertThat(body.at("/error/code").asText()).isEqualTo("400");
    assertThat(body.at("/error/message").asText()).isEqualTo("Bad Request");
    assertThat(body.at("/error/errors")).hasSize(1);
    assertThat(body.at("/error/errors/0/code").asText()).isEqualTo("160075");
    assertThat(body.at("/error/errors/0/detail").asText()).isEqualTo("firstName and lastName or firm name are required");
    assertThat(body.at("/error/errors/0/source/parameter").asText()).isEqualTo("toAddress.firstName, lastName, firm");
  }

  @Test
  void givenAFirmInsteadOfANameAndAReference_whenBuying_thenTheLabelIsSoldWithTheFirmOnIt() {
    String firmOnly = with(without(without(LABEL, "/toAddress/firstName"), "/toAddress/lastName"), "/toAddress/firm",
        "\"OStore Customer\"");
    String referenced = with(firmOnly, "/packageDescription/customerReference",
        "[{\"referenceNumber\":\"ostore-shipment-77\",\"printReferenceNumber\":true}]");

    SimClient.Answer answer = label(referenced, UUID.randomUUID().toString());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("labelImage");
    assertThat(simulator.liveTrackingNumbers("ostore-shipment-77")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"/toAddress", "/fromAddress", "/packageDescription", "/fromAddress/streetAddress", "/fromAddress/city",
      "/fromAddress/state", "/fromAddress/ZIPCode", "/packageDescription/mailClass", "/packageDescription/rateIndicator",
      "/packageDescription/weight", "/packageDescription/length", "/packageDescription/width",
      "/packageDescription/height", "/packageDescription/processingCategory", "/packageDescription/mailingDate",
      "/packageDescription/destinationEntryFacilityType"})
  void givenARequiredFieldMissing_whenBuying_thenRefusedInUspsEnvelopeAndNothingIsCharged(String pointer) {
    long charged = simulator.counters().labelsCharged();

    SimClient.Answer answer = label(without(LABEL, pointer), UUID.randomUUID().toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/error/errors/0/detail").asText()).contains("required property");
    assertThat(simulator.counters().labelsCharged()).isEqualTo(charged);
  }

  @ParameterizedTest
  @CsvSource({"/packageDescription/mailClass, PRIORITY_MAIL_TELEPORT", "/packageDescription/rateIndicator, ZZ",
      "/packageDescription/processingCategory, SQUARE", "/packageDescription/destinationEntryFacilityType, MOON",
      "/packageDescription/weightUOM, kg", "/packageDescription/dimensionsUOM, cm", "/imageInfo/imageType, BMP",
      "/imageInfo/labelType, 5X7LABEL", "/imageInfo/receiptOption, EMAIL"})
  void givenAValueOutsideAnEnum_whenBuying_thenRefusedNamingTheParameter(String pointer, String value) {
    SimClient.Answer answer = label(with(LABEL, pointer, "\"" + value + "\""), UUID.randomUUID().toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/error/errors/0/source/parameter").asText())
        .isEqualTo(pointer.substring(1).replace('/', '.'));
  }

  @Test
  void givenAMailingDateInThePast_whenBuying_thenRefusedAs160001() {
    SimClient.Answer answer = label(with(LABEL, "/packageDescription/mailingDate", "\"2026-01-04\""),
        UUID.randomUUID().toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/error/errors/0/code").asText()).isEqualTo("160001");
  }

  @Test
  void givenAKeyUsedBefore_whenBuyingAgain_thenTheSameBodyReplaysAndAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    long charged = simulator.counters().labelsCharged();

    SimClient.Answer first = label(LABEL, key);
    SimClient.Answer replay = label(LABEL, key);
    SimClient.Answer changed = label(with(LABEL, "/packageDescription/weight", "0.75"), key);

    assertThat(first.status()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(simulator.counters().labelsCharged()).isEqualTo(charged + 1);
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.json().at("/error/errors/0/source/parameter").asText()).isEqualTo("X-Idempotency-Key");
  }

  @Test
  void givenALabelBoughtWithAKey_whenVoidedByThatKey_thenCanceledThenAlreadyCanceledAndUnknownKeysAreNotFound() {
    String key = UUID.randomUUID().toString();
    label(LABEL, key);
    SimClient client = new SimClient(simulator.baseUrl());
    usps.headersInto(client);

    SimClient.Answer voided = client.header("X-Idempotency-Key", key).send("DELETE", "/labels/v3/label", null, null);
    SimClient.Answer again = client.send("DELETE", "/labels/v3/label", null, null);
    SimClient.Answer unknown = client.header("X-Idempotency-Key", UUID.randomUUID().toString())
        .send("DELETE", "/labels/v3/label", null, null);

    assertThat(voided.json().path("status").asText()).isEqualTo("CANCELED");
    assertThat(again.json().at("/error/errors/0/code").asText()).isEqualTo("160186");
    assertThat(unknown.json().at("/error/errors/0/code").asText()).isEqualTo("160185");
  }

  @Test
  void givenPaymentRolesWithoutLabelOwnerOrAPermitWithoutZip_whenAuthorizing_thenRefusedInUspsEnvelope() {
    SimClient.Answer noOwner = usps.postJson("/payments/v3/payment-authorization", without(PAYMENT, "/roles/1"));
    SimClient.Answer permit = usps.postJson("/payments/v3/payment-authorization",
        with(without(PAYMENT, "/roles/0/accountNumber"), "/roles/0/accountType", "\"PERMIT\""));

    assertThat(noOwner.status()).isEqualTo(400);
    assertThat(noOwner.json().path("apiVersion").asText()).isEqualTo("/payments/v3");
    assertThat(permit.status()).isEqualTo(400);
    assertThat(permit.json().at("/error/errors").toString()).contains("permitNumber").contains("permitZIP");
  }

  @Test
  void givenAScriptedInsufficientFunds_whenAuthorizing_thenUspsRefusesWithCode100007Once() {
    simulator.faults().refuseNext("/payments/v3", 1, 400, "100007",
        "Your Trust balance has insufficient funds. Please fund your Trust balance and try again.");

    SimClient.Answer refused = usps.postJson("/payments/v3/payment-authorization", PAYMENT);
    SimClient.Answer next = usps.postJson("/payments/v3/payment-authorization", PAYMENT);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().at("/error/errors/0/code").asText()).isEqualTo("100007");
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  void givenThirtySixNumbersOrOnlyUnknownOnes_whenTracking_thenA400OrA404InUspsEnvelope() {
    String thirtySix = IntStream.range(0, 36).mapToObj(i -> "{\"trackingNumber\":\"9400100000000000000" + (100 + i) + "\"}")
        .collect(Collectors.joining(",", "[", "]"));

    SimClient.Answer tooMany = usps.postJson("/tracking/v3r2/tracking", thirtySix);
    SimClient.Answer unknown = usps.postJson("/tracking/v3r2/tracking", "[{\"trackingNumber\":\"9400100000000000000999\"}]");
    simulator.v3r2Enabled(false);
    SimClient.Answer noProduct = usps.postJson("/tracking/v3r2/tracking", "[{\"trackingNumber\":\"9400100000000000000999\"}]");
    simulator.v3r2Enabled(true);

    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/error/errors/0/detail").asText()).isEqualTo("must have at most 35 items but found 36");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/error/errors/0/code").asText()).isEqualTo("150002");
    assertThat(noProduct.status()).isEqualTo(404);
    assertThat(noProduct.json().has("apiVersion")).isFalse();
  }

  @Test
  void givenATokenRequestAsJsonWithoutTheSecret_whenAskingForAToken_thenRefusedInUspsEnvelope() {
    SimClient.Answer answer = new SimClient(simulator.baseUrl()).postJson("/oauth2/v3/token",
        "{\"grant_type\":\"client_credentials\",\"client_id\":\"sim-client\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("apiVersion").asText()).isEqualTo("/oauth2/v3");
  }
}

package com.ostore.shipping.sandbox.fedex;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.sandbox.testing.SimClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FedEx simulator refuses what FedEx's published contract refuses, with FedEx's error envelope. */
class FedexSimulatorContractTest {
  private static final String SHIP = sample("fedex/ostore-ship-domestic-two-packages.json");
  private static final String REFERENCE = """
      {"includeDetailedScans": false, "referencesInformation": {"type": "CUSTOMER_REFERENCE",
       "value": "ostore-shipment-404", "accountNumber": "740561073",
       "shipDateBegin": "2026-01-02", "shipDateEnd": "2026-01-06"}}""";
  private static FedexSimulator simulator;
  private static SimClient fedex;

  @BeforeAll
  static void start() {
    simulator = new FedexSimulator("sim-client", "sim-secret",
        Clock.fixed(Instant.parse("2026-01-05T14:00:00Z"), ZoneOffset.UTC)).start();
    SimClient anonymous = new SimClient(simulator.baseUrl());
    String token = anonymous.postForm("/oauth/token",
        "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret").json().path("access_token").asText();
    fedex = new SimClient(simulator.baseUrl()).header("Authorization", "Bearer " + token);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void givenTheAdaptersDomesticTwoPackageRequest_whenShipping_thenTwoLabelsUnderOneMaster() {
    JsonNode shipment = fedex.postJson("/ship/v1/shipments", SHIP).json().path("output").path("transactionShipments").path(0);

    assertThat(shipment.path("pieceResponses")).hasSize(2);
    assertThat(shipment.path("pieceResponses").path(1).path("masterTrackingNumber").asText())
        .isEqualTo(shipment.path("masterTrackingNumber").asText())
        .isEqualTo(shipment.path("pieceResponses").path(0).path("trackingNumber").asText());
  }

  @Test
  void givenNoRecipientPhone_whenShipping_thenRefusedWithFedExsEnvelopeNamingTheField() {
    SimClient.Answer answer = fedex.postJson("/ship/v1/shipments",
        without(SHIP, "/requestedShipment/recipients/0/contact/phoneNumber"));

    assertThat(answer.status()).isEqualTo(400);
    JsonNode body = answer.json();
    assertThat(body.path("transactionId").asText()).isNotBlank();
    assertThat(body.path("errors")).hasSize(1);
    assertThat(body.path("errors").path(0).path("code").asText()).isEqualTo("INVALID.INPUT.EXCEPTION");
    assertThat(body.path("errors").path(0).path("message").asText()).isEqualTo("Invalid field value in the input");
    assertThat(body.path("errors").path(0).path("parameterList").path(0).path("key").asText())
        .isEqualTo("/requestedShipment/recipients/0/contact");
    assertThat(body.path("errors").path(0).path("parameterList").path(0).path("value").asText())
        .isEqualTo("required property 'phoneNumber' not found");
  }

  @ParameterizedTest
  @CsvSource({
      "/accountNumber", "/labelResponseOptions", "/requestedShipment", "/requestedShipment/shipper",
      "/requestedShipment/recipients", "/requestedShipment/pickupType", "/requestedShipment/serviceType",
      "/requestedShipment/packagingType", "/requestedShipment/totalWeight", "/requestedShipment/shippingChargesPayment",
      "/requestedShipment/labelSpecification", "/requestedShipment/requestedPackageLineItems",
      "/requestedShipment/shipper/contact/phoneNumber", "/requestedShipment/shipper/address/city",
      "/requestedShipment/recipients/0/address/countryCode", "/requestedShipment/recipients/0/address/streetLines",
      "/requestedShipment/recipients/0/contact/personName", "/requestedShipment/labelSpecification/imageType",
      "/requestedShipment/labelSpecification/labelStockType", "/requestedShipment/shippingChargesPayment/paymentType",
      "/requestedShipment/requestedPackageLineItems/0/weight", "/requestedShipment/requestedPackageLineItems/1/weight/units"})
  void givenARequiredFieldMissing_whenShipping_thenRefusedAndNothingIsSold(String pointer) {
    long sold = simulator.counters().labelsCreated();

    SimClient.Answer answer = fedex.postJson("/ship/v1/shipments", without(SHIP, pointer));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors")).allSatisfy(error ->
        assertThat(error.path("code").asText()).isEqualTo("INVALID.INPUT.EXCEPTION"));
    assertThat(simulator.counters().labelsCreated()).isEqualTo(sold);
  }

  @ParameterizedTest
  @CsvSource({
      "/labelResponseOptions, PDF_ONLY", "/requestedShipment/pickupType, TELEPORT",
      "/requestedShipment/labelSpecification/imageType, GIF", "/requestedShipment/labelSpecification/labelStockType, A4",
      "/requestedShipment/requestedPackageLineItems/0/weight/units, OZ",
      "/requestedShipment/requestedPackageLineItems/0/dimensions/units, FT",
      "/requestedShipment/shippingChargesPayment/paymentType, CARD"})
  void givenAValueOutsideAnEnum_whenShipping_thenRefused(String pointer, String value) {
    SimClient.Answer answer = fedex.postJson("/ship/v1/shipments", with(SHIP, pointer, "\"" + value + "\""));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors").path(0).path("parameterList").path(0).path("key").asText()).isEqualTo(pointer);
  }

  @Test
  void givenACityOverThirtyFiveCharacters_whenShipping_thenRefused() {
    String body = with(SHIP, "/requestedShipment/recipients/0/address/city", "\"" + "A".repeat(36) + "\"");

    assertThat(fedex.postJson("/ship/v1/shipments", body).json().path("errors").path(0).path("parameterList").path(0)
        .path("value").asText()).isEqualTo("must be at most 35 characters long");
  }

  @Test
  void givenAThreePackageShipment_whenItsMasterIsCancelled_thenEveryPackageIsVoidOnceAndASecondCancelIsRefused() {
    String three = with(SHIP, "/requestedShipment/requestedPackageLineItems/2",
        SimClient.read(SHIP).at("/requestedShipment/requestedPackageLineItems/1").toString());
    JsonNode shipment = fedex.postJson("/ship/v1/shipments", three).json().at("/output/transactionShipments/0");
    String master = shipment.path("masterTrackingNumber").asText();
    long cancelsBefore = simulator.counters().cancels();
    String cancel = with(sample("fedex/fedex-ship-v1-cancel-shipment-request.json"), "/trackingNumber",
        "\"" + master + "\"");

    SimClient.Answer first = fedex.send("PUT", "/ship/v1/shipments/cancel", "application/json", cancel);
    SimClient.Answer again = fedex.send("PUT", "/ship/v1/shipments/cancel", "application/json", cancel);

    assertThat(first.json().at("/output/cancelledShipment").asBoolean()).isTrue();
    assertThat(simulator.counters().cancels() - cancelsBefore).isEqualTo(3);
    shipment.path("pieceResponses").forEach(piece ->
        assertThat(simulator.isCancelled(piece.path("trackingNumber").asText())).isTrue());
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().at("/errors/0/message").asText()).contains("already been cancelled");
  }

  @Test
  void givenACancelWithAnotherDeletionControl_whenCancelling_thenRefusedByTheContract() {
    String cancel = with(sample("fedex/fedex-ship-v1-cancel-shipment-request.json"), "/deletionControl",
        "\"DELETE_ONE_PACKAGE\"");

    SimClient.Answer answer = fedex.send("PUT", "/ship/v1/shipments/cancel", "application/json", cancel);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/errors/0/parameterList/0/key").asText()).isEqualTo("/deletionControl");
  }

  @Test
  void givenNoOrThirtyOneTrackingNumbers_whenTracking_thenFedExsTrackingCodes() {
    String item = "{\"trackingNumberInfo\":{\"trackingNumber\":\"794953555571\"}}";
    String thirtyOne = "{\"includeDetailedScans\":true,\"trackingInfo\":"
        + IntStream.range(0, 31).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]")) + "}";

    SimClient.Answer none = fedex.postJson("/track/v1/trackingnumbers", "{\"includeDetailedScans\":true,\"trackingInfo\":[]}");
    SimClient.Answer tooMany = fedex.postJson("/track/v1/trackingnumbers", thirtyOne);
    SimClient.Answer noFlag = fedex.postJson("/track/v1/trackingnumbers",
        without(sample("fedex/fedex-track-v1-request.json"), "/includeDetailedScans"));

    assertThat(none.json().at("/errors/0/code").asText()).isEqualTo("TRACKING.TRACKINGNUMBER.EMPTY");
    assertThat(tooMany.json().at("/errors/0/code").asText()).isEqualTo("TRACKING.TRACKINGNUMBER.LIMIT.EXCEEDED");
    assertThat(noFlag.status()).isEqualTo(400);
    assertThat(noFlag.json().at("/errors/0/parameterList/0/value").asText())
        .isEqualTo("required property 'includeDetailedScans' not found");
  }

  @Test
  void givenAReferenceNothingWasShippedUnder_whenTrackingByReference_then404NotFoundOrPerNumberNotFound() {
    SimClient.Answer missing = fedex.postJson("/track/v1/referencenumbers", REFERENCE);
    simulator.unknownReferencesAnswer404(false);
    SimClient.Answer perNumber = fedex.postJson("/track/v1/referencenumbers", REFERENCE);
    simulator.unknownReferencesAnswer404(true);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/errors/0/code").asText()).isEqualTo("NOT.FOUND.ERROR");
    assertThat(perNumber.status()).isEqualTo(200);
    assertThat(perNumber.json().at("/output/completeTrackResults/0/trackResults/0/error/code").asText())
        .isEqualTo("TRACKING.REFERENCENUMBER.NOTFOUND");
  }

  @Test
  void givenATokenRequestWithoutGrantType_whenAskingForAToken_thenRefusedByTheContract() {
    SimClient.Answer answer = new SimClient(simulator.baseUrl()).postForm("/oauth/token",
        "client_id=sim-client&client_secret=sim-secret");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/errors/0/parameterList/0/value").asText())
        .isEqualTo("required property 'grant_type' not found");
  }

  @Test
  void givenAScriptedPermissionRefusal_whenShipping_thenA403WithFedExsForbiddenEnvelopeOnce() {
    simulator.faults().refuseNext("/ship/v1/shipments", 1, 403, "FORBIDDEN.ERROR",
        "We could not authorize your credentials. Please check your permissions and try again.");

    SimClient.Answer refused = fedex.postJson("/ship/v1/shipments", SHIP);
    SimClient.Answer next = fedex.postJson("/ship/v1/shipments", SHIP);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("FORBIDDEN.ERROR");
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  void givenAClientThatHangsUpDuringAHang_whenFedexFinishesTheCreate_thenTheLabelIsSoldAndNothingIsRefused()
      throws IOException {
    long refusedBefore = simulator.counters().contractRejections();
    long createsBefore = simulator.counters().createCalls();
    String token = token(simulator);
    simulator.faults().hangsNext(1, Duration.ofMillis(300));

    sendAndHangUp(simulator, token, SHIP);

    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.counters().createCalls() > createsBefore
        || simulator.counters().contractRejections() > refusedBefore);
    assertThat(simulator.counters().contractRejections()).as("requests the published contract refused")
        .isEqualTo(refusedBefore);
    assertThat(simulator.counters().createCalls()).isEqualTo(createsBefore + 1);
  }

  @Test
  void givenAnAbandonedRequestHangingWhenTheSimulatorCloses_whenItWakes_thenNothingIsRefusedOrSold()
      throws IOException {
    FedexSimulator closing = new FedexSimulator("sim-client", "sim-secret",
        Clock.fixed(Instant.parse("2026-01-05T14:00:00Z"), ZoneOffset.UTC)).start();
    String token = token(closing);
    closing.faults().hangsNext(1, Duration.ofSeconds(30));
    sendAndHangUp(closing, token, SHIP);
    await().atMost(Duration.ofSeconds(10)).until(() -> closing.counters().faultsInjected() == 1);

    closing.close();

    await().atMost(Duration.ofSeconds(10))
        .until(() -> closing.calls().calls().stream().anyMatch(call -> call.api().equals("ship")));
    assertThat(closing.counters().contractRejections()).as("requests the published contract refused").isZero();
    assertThat(closing.counters().createCalls()).isZero();
  }

  /** Sends a whole request, then closes the connection before any answer: a client whose timeout ran out. */
  private static void sendAndHangUp(FedexSimulator target, String token, String json) throws IOException {
    URI base = URI.create(target.baseUrl());
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /ship/v1/shipments HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
          + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    }
  }

  private static String token(FedexSimulator target) {
    return new SimClient(target.baseUrl()).postForm("/oauth/token",
        "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret")
        .json().path("access_token").asText();
  }
}

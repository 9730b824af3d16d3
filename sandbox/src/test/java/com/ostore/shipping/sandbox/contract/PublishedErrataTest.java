package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.ContractSamples.sample;
import static com.ostore.shipping.sandbox.contract.ContractSamples.with;
import static com.ostore.shipping.sandbox.contract.ContractSamples.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each erratum changes what the published schema, read as published, says, and is in the README. */
class PublishedErrataTest {
  private static final CarrierContracts AS_PUBLISHED = CarrierContracts.withErrata(List.of());
  private static final CarrierContracts CORRECTED = CarrierContracts.published();

  @Test
  void givenTrackByReferenceWithShipDateEnd_asPublished_isRefusedForWantingShipDateEndDate() {
    String body = "{\"referencesInformation\":{\"value\":\"ostore-shipment-1001\",\"accountNumber\":\"740561073\","
        + "\"shipDateBegin\":\"2026-11-27\",\"shipDateEnd\":\"2026-12-01\"}}";

    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Track by References", body)).extracting(ContractViolation::toString)
        .contains("/referencesInformation: required property 'shipDateEndDate' not found");
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Track by References", body)).isEmpty();
  }

  @Test
  void givenThirtyOneTrackingNumbers_asPublished_passes() {
    String item = "{\"trackingNumberInfo\":{\"trackingNumber\":\"794953555571\"}}";
    String body = "{\"includeDetailedScans\":true,\"trackingInfo\":"
        + IntStream.range(0, 31).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]")) + "}";

    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Track by Tracking Number", body)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Track by Tracking Number", body)).isNotEmpty();
  }

  @Test
  void givenRecipientWithoutNameAndAShortPhone_asPublished_passes() {
    String ship = sample("fedex/fedex-ship-v1-create-shipment-request-intl.schema-conforming.json");
    String nameless = without(without(ship, "/requestedShipment/recipients/0/contact/personName"),
        "/requestedShipment/recipients/0/contact/companyName");
    String shortPhone = with(ship, "/requestedShipment/recipients/0/contact/phoneNumber", "\"12345\"");

    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Create Shipment", nameless)).isEmpty();
    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Create Shipment", shortPhone)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Create Shipment", nameless)).extracting(ContractViolation::toString)
        .contains("/requestedShipment/recipients/0/contact: required property 'personName' not found",
            "/requestedShipment/recipients/0/contact: required property 'companyName' not found");
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Create Shipment", shortPhone)).extracting(ContractViolation::toString)
        .contains("/requestedShipment/recipients/0/contact/phoneNumber: must be at least 10 characters long");
  }

  @Test
  void givenStreetLineOverThirtyFiveOrNoStreetLines_asPublished_passes() {
    String ship = sample("fedex/fedex-ship-v1-create-shipment-request-intl.schema-conforming.json");
    String longLine = with(ship, "/requestedShipment/recipients/0/address/streetLines/0", "\"" + "A".repeat(36) + "\"");
    String noLines = with(ship, "/requestedShipment/shipper/address/streetLines", "[]");

    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Create Shipment", longLine)).isEmpty();
    assertThat(AS_PUBLISHED.checkJson(Carrier.FEDEX, "Create Shipment", noLines)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Create Shipment", longLine)).extracting(ContractViolation::toString)
        .contains("/requestedShipment/recipients/0/address/streetLines/0: must be at most 35 characters long");
    assertThat(CORRECTED.checkJson(Carrier.FEDEX, "Create Shipment", noLines)).extracting(ContractViolation::toString)
        .contains("/requestedShipment/shipper/address/streetLines: must have at least 1 items but found 0");
  }

  @Test
  void givenLabelWithoutRecipientName_asPublished_passes() {
    String label = sample("usps/usps-labels-v3-label-request-ground-advantage.spec-example.json");
    String nameless = without(without(label, "/toAddress/firstName"), "/toAddress/lastName");

    assertThat(AS_PUBLISHED.checkJson(Carrier.USPS, "post-label", nameless)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.USPS, "post-label", nameless)).isNotEmpty();
  }

  @Test
  void givenPayerWithoutCridOrPermitWithoutPermitNumber_asPublished_passes() {
    String body = "{\"roles\":[{\"roleName\":\"PAYER\",\"accountType\":\"PERMIT\",\"accountNumber\":\"1\"},"
        + "{\"roleName\":\"LABEL_OWNER\",\"CRID\":\"56982563\",\"MID\":\"904128936\",\"manifestMID\":\"904128937\"}]}";

    assertThat(AS_PUBLISHED.checkJson(Carrier.USPS, "post-payments-payment-authorization", body)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.USPS, "post-payments-payment-authorization", body)).isNotEmpty();
  }

  @Test
  void givenTrackingNumberWithHyphen_asPublished_passes() {
    String body = with(sample("usps/usps-tracking-v3r2-request.composed.json"), "/0/trackingNumber", "\"94-00\"");

    assertThat(AS_PUBLISHED.checkJson(Carrier.USPS, "get-package-tracking", body)).isEmpty();
    assertThat(CORRECTED.checkJson(Carrier.USPS, "get-package-tracking", body)).isNotEmpty();
  }

  @Test
  void everyErratumIsListedInTheReadme() throws IOException {
    String readme;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("carrier-contracts/README.md")) {
      readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(PublishedErrata.all()).allSatisfy(erratum -> assertThat(readme).contains("`" + erratum.id() + "`"));
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.model.WeightUnit;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.contract.Carrier;
import com.ostore.shipping.sandbox.contract.CarrierContracts;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import com.ostore.shipping.sandbox.contract.RequestEdits;
import com.ostore.shipping.sandbox.fedex.FedexSimulator;
import com.ostore.shipping.sandbox.fedex.FedexSimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oracle for what the FedEx adapter sends: every request body it builds, in every shape, passes
 * FedEx's published contract (sandbox {@code carrier-contracts}), and every field the contract requires
 * or constrains to an enum is refused, when broken, by both the validator and the simulator.
 */
class FedexRequestContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  private static final LocalDate TODAY = LocalDate.parse("2026-01-05");
  private static final MediaType JSON = MediaType.get("application/json");
  private static final PostalAddress EMPIRE = new PostalAddress(List.of("350 Fifth Avenue"), "New York", "NY", "10118", "US");
  private static final Recipient FULL = new Recipient("Ada Lovelace", "Analytical Engines", "+1 (212) 555-0100",
      "ada@example.com");
  private static final MutableClock CLOCK = MutableClock.at("2026-01-05T14:00:00Z");
  private static FedexSimulator simulator;
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
  private static String token;

  @BeforeAll
  static void start() throws IOException {
    simulator = new FedexSimulator(FedexSimulatorSettings.of(FedexTestData.CLIENT_ID, FedexTestData.CLIENT_SECRET, CLOCK)
        .withAccountNumber(FedexTestData.ACCOUNT)).start();
    FormBody.Builder form = new FormBody.Builder();
    FedexTokenProvider.formFields(FedexTestData.config("x", CLOCK).shipCredentials()).forEach(form::add);
    try (Response response = HTTP.newCall(new Request.Builder().url(simulator.baseUrl() + "/oauth/token")
        .post(form.build()).build()).execute()) {
      token = RequestEdits.read(response.body().string()).path("access_token").asText();
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static FedexConfig config() {
    return FedexTestData.config("http://unused", CLOCK);
  }

  private static LabelRequest request(PostalAddress to, Recipient recipient, String service, LabelFormat format,
      List<ParcelSpec> parcels) {
    return new LabelRequest(ShipmentId.of(1001), OrderId.of(123), "ostore-shipment-1001", false, to, recipient, service,
        format, parcels);
  }

  private static List<ParcelSpec> parcels(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> new ParcelSpec(ParcelId.of(100_100 + i),
        i % 2 == 0 ? new Weight(new BigDecimal("1.2"), WeightUnit.KG) : Weight.pounds("2.5"),
        i == 3 ? null : Dimensions.parse(i == 2 ? "30x20x10.5 cm" : "12x8x4.5 in"))).toList();
  }

  private static String ship(LabelRequest request) {
    return ship(request, config());
  }

  private static String ship(LabelRequest request, FedexConfig config) {
    return FedexShipRequestMapper.body(request, config, TODAY).toString();
  }

  /** Every shape of create-shipment body the adapter builds, by name. */
  static Stream<Arguments> shipShapes() {
    List<Arguments> shapes = new ArrayList<>();
    shapes.add(Arguments.of("one package, structured address, no recipient (fallback contact)",
        ship(request(EMPIRE, null, null, null, parcels(1)))));
    shapes.add(Arguments.of("three packages in lb and kg, one without dimensions, full recipient",
        ship(request(EMPIRE, FULL, null, null, parcels(3)))));
    shapes.add(Arguments.of("the seed's single-line address",
        ship(request(ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US").postal(), null, null, null,
            parcels(1)))));
    shapes.add(Arguments.of("three street lines and a ZIP+4", ship(request(new PostalAddress(
        List.of("350 Fifth Avenue", "Floor 21", "Suite 2100"), "New York", "NY", "10118-0110", "United States"), null,
        null, null, parcels(1)))));
    shapes.add(Arguments.of("recipient with a name only", ship(request(EMPIRE, Recipient.named("Ada Lovelace"), null,
        null, parcels(1)))));
    shapes.add(Arguments.of("recipient with a company and phone only", ship(request(EMPIRE,
        new Recipient(null, "Analytical Engines", "2125550100", null), null, null, parcels(1)))));
    for (LabelFormat format : LabelFormat.values()) {
      shapes.add(Arguments.of("label format " + format, ship(request(EMPIRE, null, null, format, parcels(1)))));
    }
    for (String service : FedexServiceTypes.ALL.stream().sorted().toList()) {
      shapes.add(Arguments.of("service " + service, ship(request(EMPIRE, null, service.toLowerCase(), null, parcels(1)))));
    }
    for (String pickup : List.of("DROPOFF_AT_FEDEX_LOCATION", "CONTACT_FEDEX_TO_SCHEDULE", "USE_SCHEDULED_PICKUP")) {
      FedexShipmentDefaults standard = FedexShipmentDefaults.standard();
      FedexShipmentDefaults defaults = new FedexShipmentDefaults(standard.serviceType(), LabelFormat.ZPL,
          "PAPER_85X11_TOP_HALF_LABEL", "FEDEX_BOX", pickup, "Front Desk", "9015550199", Duration.ofDays(1));
      shapes.add(Arguments.of("configured defaults, pickup " + pickup,
          ship(request(EMPIRE, null, null, null, parcels(2)), config().withShipmentDefaults(defaults))));
    }
    return shapes.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipShapes")
  void everyCreateShipmentShapePassesThePublishedContractAndTheSimulatorSellsIt(String shape, String body) {
    assertThat(violations("Create Shipment", body)).isEmpty();
    assertThat(post("POST", "/ship/v1/shipments", body).status()).isEqualTo(200);
  }

  @Test
  void totalWeightIsThePackagesInPoundsRoundedUpToOneDecimal() {
    JsonNode body = RequestEdits.read(ship(request(EMPIRE, null, null, null, parcels(3))));

    assertThat(body.at("/requestedShipment/totalWeight").decimalValue()).isEqualByComparingTo("7.7");
  }

  @Test
  void theCancelTrackReferenceAndTokenBodiesPassThePublishedContract() {
    String thirty = FedexTrackRequestMapper.byNumbers(IntStream.range(0, 30)
        .mapToObj(i -> TrackingNumber.of("79460000" + (1000 + i))).toList()).toString();

    assertThat(violations("Cancel Shipment", FedexShipRequestMapper.cancelBody(config(), TrackingNumber.of("794953555571"))
        .toString())).isEmpty();
    assertThat(violations("Track by Tracking Number",
        FedexTrackRequestMapper.byNumbers(List.of(TrackingNumber.of("794953555571"))).toString())).isEmpty();
    assertThat(violations("Track by Tracking Number", thirty)).isEmpty();
    assertThat(violations("Track by References",
        FedexTrackRequestMapper.byReference(config(), "ostore-shipment-1001", TODAY).toString())).isEmpty();
    assertThat(CONTRACTS.checkForm(Carrier.FEDEX, "API Authorization",
        FedexTokenProvider.formFields(config().shipCredentials()))).isEmpty();
  }

  @Test
  void everyMemberOfTheShipBodyTheContractRequiresIsRefusedWhenMissingByTheValidatorAndTheSimulator() {
    String body = ship(request(EMPIRE, FULL, null, null, parcels(2)));
    List<String> required = new ArrayList<>();
    List<String> refusedByTheSimulatorOnly = new ArrayList<>();

    for (String pointer : RequestEdits.pointers(RequestEdits.read(body))) {
      String broken = RequestEdits.without(body, pointer);
      boolean refused = !violations("Create Shipment", broken).isEmpty();
      int status = post("POST", "/ship/v1/shipments", broken).status();

      if (refused) {
        assertThat(status).as("simulator answer without %s", pointer).isEqualTo(400);
        required.add(pointer);
      } else if (status != 200) {
        refusedByTheSimulatorOnly.add(pointer);
      }
    }

    // The schema takes an empty recipients array; FedEx cannot label a shipment to nobody.
    assertThat(refusedByTheSimulatorOnly).containsExactly("/requestedShipment/recipients/0");
    assertThat(required).containsExactlyInAnyOrder(
        "/labelResponseOptions", "/requestedShipment", "/accountNumber", "/accountNumber/value",
        "/requestedShipment/shipper", "/requestedShipment/shipper/contact",
        "/requestedShipment/shipper/contact/phoneNumber", "/requestedShipment/shipper/address",
        "/requestedShipment/shipper/address/streetLines", "/requestedShipment/shipper/address/streetLines/0",
        "/requestedShipment/shipper/address/city", "/requestedShipment/shipper/address/countryCode",
        "/requestedShipment/recipients", "/requestedShipment/recipients/0/contact",
        "/requestedShipment/recipients/0/contact/phoneNumber", "/requestedShipment/recipients/0/address",
        "/requestedShipment/recipients/0/address/streetLines", "/requestedShipment/recipients/0/address/streetLines/0",
        "/requestedShipment/recipients/0/address/city", "/requestedShipment/recipients/0/address/countryCode",
        "/requestedShipment/serviceType", "/requestedShipment/packagingType", "/requestedShipment/pickupType",
        "/requestedShipment/totalWeight", "/requestedShipment/shippingChargesPayment",
        "/requestedShipment/shippingChargesPayment/paymentType",
        "/requestedShipment/shippingChargesPayment/payor/responsibleParty",
        "/requestedShipment/shippingChargesPayment/payor/responsibleParty/accountNumber",
        "/requestedShipment/labelSpecification", "/requestedShipment/labelSpecification/imageType",
        "/requestedShipment/labelSpecification/labelStockType", "/requestedShipment/requestedPackageLineItems",
        "/requestedShipment/requestedPackageLineItems/0/weight",
        "/requestedShipment/requestedPackageLineItems/0/weight/units",
        "/requestedShipment/requestedPackageLineItems/0/weight/value",
        "/requestedShipment/requestedPackageLineItems/1/weight",
        "/requestedShipment/requestedPackageLineItems/1/weight/units",
        "/requestedShipment/requestedPackageLineItems/1/weight/value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/labelResponseOptions", "/mergeLabelDocOption", "/requestedShipment/pickupType",
      "/requestedShipment/shippingChargesPayment/paymentType", "/requestedShipment/labelSpecification/imageType",
      "/requestedShipment/labelSpecification/labelStockType", "/requestedShipment/labelSpecification/labelFormatType",
      "/requestedShipment/requestedPackageLineItems/0/weight/units",
      "/requestedShipment/requestedPackageLineItems/0/dimensions/units",
      "/requestedShipment/requestedPackageLineItems/0/customerReferences/0/customerReferenceType",
      "/requestedShipment/requestedPackageLineItems/0/customerReferences/1/customerReferenceType"})
  void everyEnumValueTheShipBodyUsesIsRefusedWhenChangedByTheValidatorAndTheSimulator(String pointer) {
    String broken = RequestEdits.with(ship(request(EMPIRE, FULL, null, null, parcels(1))), pointer, "\"NOT_AN_OPTION\"");

    assertThat(violations("Create Shipment", broken)).extracting(ContractViolation::toString)
        .anyMatch(violation -> violation.startsWith(pointer + ": does not have a value in the enumeration"));
    assertThat(post("POST", "/ship/v1/shipments", broken).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/accountNumber", "/accountNumber/value", "/trackingNumber"})
  void everyMemberOfTheCancelBodyTheContractRequiresIsRefusedWhenMissing(String pointer) {
    String broken = RequestEdits.without(
        FedexShipRequestMapper.cancelBody(config(), TrackingNumber.of("794953555571")).toString(), pointer);

    assertThat(violations("Cancel Shipment", broken)).isNotEmpty();
    assertThat(post("PUT", "/ship/v1/shipments/cancel", broken).status()).isEqualTo(400);
  }

  @Test
  void theDeletionControlEnumOfTheCancelBodyIsEnforced() {
    String broken = RequestEdits.with(FedexShipRequestMapper.cancelBody(config(), TrackingNumber.of("794953555571"))
        .toString(), "/deletionControl", "\"DELETE_ONE_PACKAGE\"");

    assertThat(violations("Cancel Shipment", broken)).isNotEmpty();
    assertThat(post("PUT", "/ship/v1/shipments/cancel", broken).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/includeDetailedScans", "/trackingInfo", "/trackingInfo/0",
      "/trackingInfo/0/trackingNumberInfo", "/trackingInfo/0/trackingNumberInfo/trackingNumber"})
  void everyMemberOfTheTrackBodyTheContractRequiresIsRefusedWhenMissing(String pointer) {
    String broken = RequestEdits.without(
        FedexTrackRequestMapper.byNumbers(List.of(TrackingNumber.of("794953555571"))).toString(), pointer);

    assertThat(violations("Track by Tracking Number", broken)).isNotEmpty();
    assertThat(post("POST", "/track/v1/trackingnumbers", broken).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/referencesInformation", "/referencesInformation/value",
      "/referencesInformation/shipDateBegin", "/referencesInformation/shipDateEnd"})
  void everyMemberOfTheReferenceBodyTheContractRequiresIsRefusedWhenMissing(String pointer) {
    String broken = RequestEdits.without(
        FedexTrackRequestMapper.byReference(config(), "ostore-shipment-1001", TODAY).toString(), pointer);

    assertThat(violations("Track by References", broken)).isNotEmpty();
    assertThat(post("POST", "/track/v1/referencenumbers", broken).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"grant_type", "client_id", "client_secret"})
  void everyFieldOfTheTokenFormIsRequiredByTheValidatorAndTheSimulator(String field) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(FedexTokenProvider.formFields(config().shipCredentials()));
    fields.remove(field);
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);

    assertThat(CONTRACTS.checkForm(Carrier.FEDEX, "API Authorization", fields)).isNotEmpty();
    try (Response response = HTTP.newCall(new Request.Builder().url(simulator.baseUrl() + "/oauth/token")
        .post(form.build()).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }
  }

  @Test
  void theServiceTypesTheAdapterOffersAreTheOnesTheSimulatorSells() {
    try (FedexCarrierGateway gateway = new FedexCarrierGateway(config())) {
      assertThat(gateway.serviceTypes()).containsExactlyInAnyOrderElementsOf(FedexSimulator.SERVICE_TYPES);
    }
  }

  private static List<ContractViolation> violations(String operation, String body) {
    return CONTRACTS.checkJson(Carrier.FEDEX, operation, body);
  }

  private record Answer(int status, String body) {}

  private static Answer post(String method, String path, String body) {
    Request request = new Request.Builder().url(simulator.baseUrl() + path).header("Authorization", "Bearer " + token)
        .method(method, RequestBody.create(body, JSON)).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

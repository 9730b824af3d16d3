package com.ostore.shipping.adapter.out.carrier.usps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.contract.Carrier;
import com.ostore.shipping.sandbox.contract.CarrierContracts;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import com.ostore.shipping.sandbox.contract.RequestEdits;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The oracle for what the USPS adapter sends: every request body it builds, in every shape, passes
 * USPS's published contract (sandbox {@code carrier-contracts}), and every field the contract requires
 * or constrains to an enum is refused, when broken, by both the validator and the simulator.
 */
class UspsRequestContractTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final MutableClock CLOCK = MutableClock.at("2026-01-05T14:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-01-05");
  private static final PostalAddress EMPIRE =
      new PostalAddress(List.of("350 Fifth Avenue", "Floor 21"), "New York", "NY", "10118-0110", "US");
  private static final Recipient FULL = new Recipient("Ada King Lovelace", "Analytical Engines", "+1 (212) 555-0100",
      "ada@example.com");
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
  private static UspsSimulator simulator;
  private static String token;
  private static String paymentToken;

  @BeforeAll
  static void start() throws IOException {
    simulator = new UspsSimulator("client-id", UspsTestData.SECRET, CLOCK).start();
    FormBody.Builder form = new FormBody.Builder();
    UspsTokenProvider.formFields(config()).forEach(form::add);
    try (Response response = HTTP.newCall(new Request.Builder().url(simulator.baseUrl() + "/oauth2/v3/token")
        .post(form.build()).build()).execute()) {
      token = RequestEdits.read(response.body().string()).path("access_token").asText();
    }
    paymentToken = RequestEdits.read(post("POST", "/payments/v3/payment-authorization",
        UspsPaymentTokenProvider.requestBody(config(), JSON).toString()).body()).path("paymentAuthorizationToken").asText();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static UspsConfig config() {
    return UspsTestData.config("http://unused", CLOCK);
  }

  private static LabelRequest request(PostalAddress to, Recipient recipient, String mailClass, LabelFormat format) {
    return new LabelRequest(ShipmentId.of(1001), OrderId.of(123), "ostore-shipment-1001", false, to, recipient, mailClass,
        format, List.of(parcel(1)));
  }

  private static ParcelSpec parcel(int i) {
    return new ParcelSpec(ParcelId.of(100_100 + i),
        i % 2 == 0 ? new Weight(new BigDecimal("1.2"), WeightUnit.KG) : Weight.pounds("2.5"),
        i == 3 ? null : Dimensions.parse(i == 2 ? "30x20x10.5 cm" : "12x8x4 in"),
        i == 1 ? PurchaseKey.fresh(TODAY) : null);
  }

  private static String label(LabelRequest request, ParcelSpec parcel, UspsConfig config) {
    return new UspsLabelRequestMapper(config, JSON).body(request, parcel, new PurchaseKey(UUID.randomUUID(), TODAY));
  }

  private static String label(LabelRequest request) {
    return label(request, request.parcels().get(0), config());
  }

  /** Every shape of label body the adapter builds, by name. */
  static Stream<Arguments> labelShapes() {
    List<Arguments> shapes = new ArrayList<>();
    shapes.add(Arguments.of("no recipient: the configured fallback firm", label(request(EMPIRE, null, null, null))));
    shapes.add(Arguments.of("recipient with name, company, phone and email", label(request(EMPIRE, FULL, null, null))));
    shapes.add(Arguments.of("recipient with a two-word name", label(request(EMPIRE, Recipient.named("Ada Lovelace"), null,
        null))));
    shapes.add(Arguments.of("recipient with a one-word name (printed as the firm)",
        label(request(EMPIRE, Recipient.named("Cher"), null, null))));
    shapes.add(Arguments.of("recipient with a company only", label(request(EMPIRE,
        new Recipient(null, "Analytical Engines", null, null), null, null))));
    shapes.add(Arguments.of("the seed's single-line address", label(request(
        ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US").postal(), null, null, null))));
    LabelRequest three = new LabelRequest(ShipmentId.of(1001), OrderId.of(123), "ostore-shipment-1001", true, EMPIRE,
        FULL, null, null, List.of(parcel(1), parcel(2), parcel(3)));
    for (ParcelSpec parcel : three.parcels()) {
      shapes.add(Arguments.of("package " + parcel.parcelId() + " of three (kg, cm, no dimensions)",
          label(three, parcel, config())));
    }
    for (LabelFormat format : LabelFormat.values()) {
      shapes.add(Arguments.of("label format " + format, label(request(EMPIRE, null, null, format))));
    }
    for (String mailClass : new TreeSet<>(UspsMailClasses.ALL)) {
      shapes.add(Arguments.of("mail class " + mailClass, label(request(EMPIRE, null, mailClass, null))));
    }
    UspsLabelDefaults configured = new UspsLabelDefaults("PRIORITY_MAIL", "CP", "NON_MACHINABLE", LabelFormat.ZPL,
        "4X4LABEL", Dimensions.parse("20x12x10 in"), "Front Desk", true);
    shapes.add(Arguments.of("configured defaults: Priority Mail, CP, non-machinable, ZPL 4x4, 20x12x10 box",
        label(request(EMPIRE, null, null, null), parcel(3), config().withLabelDefaults(configured))));
    return shapes.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelShapes")
  void everyLabelShapePassesThePublishedContractAndTheSimulatorSellsIt(String shape, String body) {
    assertThat(violations("post-label", body)).isEmpty();
    assertThat(buy(body).code()).isEqualTo(200);
  }

  @Test
  void aPackageWithoutDimensionsIsDeclaredAsTheConfiguredBoxNotSmaller() {
    String body = label(request(EMPIRE, null, null, null), parcel(3), config());

    assertThat(RequestEdits.read(body).at("/packageDescription/length").decimalValue()).isEqualByComparingTo("12");
    assertThat(RequestEdits.read(body).at("/packageDescription/width").decimalValue()).isEqualByComparingTo("9");
    assertThat(RequestEdits.read(body).at("/packageDescription/height").decimalValue()).isEqualByComparingTo("4");
  }

  @Test
  void thePaymentTokenAndTrackingBodiesPassThePublishedContract() {
    UspsPaymentAccount permit = new UspsPaymentAccount("56982563", "904128936", "904128937",
        UspsPaymentAccount.AccountType.PERMIT, "1234", "63116");
    UspsConfig permitConfig = UspsConfig.defaults("http://unused", "client-id",
        com.ostore.shipping.domain.support.Secret.of("s"), permit, config().sender());
    List<TrackingNumber> thirtyFive = IntStream.range(0, 35)
        .mapToObj(i -> TrackingNumber.of("94001000000000000" + (10_000 + i))).toList();

    assertThat(violations("post-payments-payment-authorization",
        UspsPaymentTokenProvider.requestBody(config(), JSON).toString())).isEmpty();
    assertThat(violations("post-payments-payment-authorization",
        UspsPaymentTokenProvider.requestBody(permitConfig, JSON).toString())).isEmpty();
    assertThat(post("POST", "/payments/v3/payment-authorization",
        UspsPaymentTokenProvider.requestBody(permitConfig, JSON).toString()).code()).isEqualTo(200);
    assertThat(CONTRACTS.checkForm(Carrier.USPS, "post-token", UspsTokenProvider.formFields(config()))).isEmpty();
    assertThat(violations("get-package-tracking", UspsTrackRequestMapper.byNumbers(JSON,
        List.of(TrackingNumber.of("9400109104250532908587"))).toString())).isEmpty();
    assertThat(violations("get-package-tracking", UspsTrackRequestMapper.byNumbers(JSON, thirtyFive).toString())).isEmpty();
  }

  @Test
  void everyMemberOfTheLabelBodyTheContractRequiresIsRefusedWhenMissingByTheValidatorAndTheSimulator() {
    String body = label(request(EMPIRE, FULL, null, null));
    List<String> required = new ArrayList<>();
    List<String> refusedByTheSimulatorOnly = new ArrayList<>();

    for (String pointer : RequestEdits.pointers(RequestEdits.read(body))) {
      String broken = RequestEdits.without(body, pointer);
      boolean refused = !violations("post-label", broken).isEmpty();
      int status = buy(broken).code();

      if (refused) {
        assertThat(status).as("simulator answer without %s", pointer).isEqualTo(400);
        required.add(pointer);
      } else if (status != 200) {
        refusedByTheSimulatorOnly.add(pointer);
      }
    }

    assertThat(required).containsExactlyInAnyOrder("/toAddress", "/fromAddress", "/fromAddress/streetAddress",
        "/fromAddress/city", "/fromAddress/state", "/fromAddress/ZIPCode", "/packageDescription",
        "/packageDescription/mailClass", "/packageDescription/rateIndicator", "/packageDescription/weight",
        "/packageDescription/length", "/packageDescription/width", "/packageDescription/height",
        "/packageDescription/processingCategory", "/packageDescription/mailingDate",
        "/packageDescription/destinationEntryFacilityType");
    // The schema asks nothing of toAddress; USPS cannot deliver without a street and a city.
    assertThat(refusedByTheSimulatorOnly).containsExactlyInAnyOrder("/toAddress/streetAddress", "/toAddress/city");
  }

  @Test
  void withoutTheRecipientsNameAndFirmTheValidatorAndTheSimulatorRefuseAs160075() {
    String body = label(request(EMPIRE, FULL, null, null));
    String nameless = RequestEdits.without(RequestEdits.without(RequestEdits.without(body, "/toAddress/firstName"),
        "/toAddress/lastName"), "/toAddress/firm");

    assertThat(violations("post-label", nameless)).isNotEmpty();
    Response answer = buy(nameless);
    assertThat(answer.code()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/imageInfo/imageType", "/imageInfo/labelType", "/imageInfo/receiptOption",
      "/packageDescription/mailClass", "/packageDescription/rateIndicator", "/packageDescription/weightUOM",
      "/packageDescription/dimensionsUOM", "/packageDescription/processingCategory",
      "/packageDescription/destinationEntryFacilityType", "/toAddress/state", "/fromAddress/state"})
  void everyEnumValueTheLabelBodyUsesIsRefusedWhenChangedByTheValidatorAndTheSimulator(String pointer) {
    String broken = RequestEdits.with(label(request(EMPIRE, FULL, null, null)), pointer, "\"ZZ_NOT_AN_OPTION\"");

    assertThat(violations("post-label", broken)).extracting(ContractViolation::location).contains(pointer);
    assertThat(buy(broken).code()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/roles", "/roles/1", "/roles/0/roleName", "/roles/0/CRID", "/roles/0/accountType",
      "/roles/0/accountNumber", "/roles/1/CRID", "/roles/1/MID", "/roles/1/manifestMID"})
  void everyMemberOfThePaymentBodyTheContractRequiresIsRefusedWhenMissing(String pointer) {
    String broken = RequestEdits.without(UspsPaymentTokenProvider.requestBody(config(), JSON).toString(), pointer);

    assertThat(violations("post-payments-payment-authorization", broken)).isNotEmpty();
    assertThat(post("POST", "/payments/v3/payment-authorization", broken).code()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/roles/0/roleName", "/roles/0/accountType", "/roles/1/roleName"})
  void everyEnumValueOfThePaymentBodyIsRefusedWhenChanged(String pointer) {
    String broken = RequestEdits.with(UspsPaymentTokenProvider.requestBody(config(), JSON).toString(), pointer,
        "\"NOT_A_ROLE\"");

    assertThat(violations("post-payments-payment-authorization", broken)).isNotEmpty();
    assertThat(post("POST", "/payments/v3/payment-authorization", broken).code()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/0", "/0/trackingNumber"})
  void everyMemberOfTheTrackingBodyTheContractRequiresIsRefusedWhenMissing(String pointer) {
    String broken = RequestEdits.without(UspsTrackRequestMapper.byNumbers(JSON,
        List.of(TrackingNumber.of("9400109104250532908587"))).toString(), pointer);

    assertThat(violations("get-package-tracking", broken)).isNotEmpty();
    assertThat(post("POST", "/tracking/v3r2/tracking", broken).code()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"grant_type", "client_id", "client_secret"})
  void everyFieldOfTheTokenFormIsRequiredByTheValidatorAndTheSimulator(String field) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(UspsTokenProvider.formFields(config()));
    fields.remove(field);
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);

    assertThat(CONTRACTS.checkForm(Carrier.USPS, "post-token", fields)).isNotEmpty();
    try (Response response = HTTP.newCall(new Request.Builder().url(simulator.baseUrl() + "/oauth2/v3/token")
        .post(form.build()).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }
  }

  @Test
  void theMailClassesTheAdapterOffersAreExactlyTheEnumOfThePublishedLabelsDocument() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("carrier-contracts/usps/domestic-labels.yaml")) {
      Set<String> published = new TreeSet<>();
      YAMLMapper.builder().build().readTree(in)
          .at("/components/schemas/BaseDomesticPackageDescription/allOf/1/properties/mailClass/enum")
          .forEach(value -> published.add(value.asString()));

      assertThat(UspsMailClasses.ALL).containsExactlyInAnyOrderElementsOf(published);
      assertThat(new UspsCarrierGateway(config()).serviceTypes()).isEqualTo(UspsMailClasses.ALL);
    }
  }

  private static List<ContractViolation> violations(String operation, String body) {
    return CONTRACTS.checkJson(Carrier.USPS, operation, body);
  }

  private static Response buy(String body) {
    Request request = new Request.Builder().url(simulator.baseUrl() + "/labels/v3/label")
        .header("Authorization", "Bearer " + token).header("X-Payment-Authorization-Token", paymentToken)
        .header("X-Idempotency-Key", UUID.randomUUID().toString()).post(RequestBody.create(body, JSON_TYPE)).build();
    try (Response response = HTTP.newCall(request).execute()) {
      response.body().bytes();
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Answer(int code, String body) {}

  private static Answer post(String method, String path, String body) {
    Request request = new Request.Builder().url(simulator.baseUrl() + path).header("Authorization", "Bearer " + token)
        .method(method, RequestBody.create(body, JSON_TYPE)).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

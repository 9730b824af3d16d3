package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed create request is refused with a message naming the problem, before the use case runs. */
class InvalidCreateShipmentRequestTest {
  private static final String ADDRESS = "\"shippingAddress\": \"123 Main St, City, Country\"";
  private static final String INVALID_ADDRESS = "Invalid shipping address";
  private static final String NOT_A_NUMBER = "%s is not a number this API accepts: at most 18 digits before the"
      + " decimal point, 6 after it and a two-digit exponent";

  private final FakeShipping shipping = new FakeShipping();

  static Stream<Arguments> badBodies() {
    return Stream.of(
        bad("{\"orderID\": 123,",
            "Malformed JSON body at line 1, column 17: Unexpected end-of-input within/between Object entries"),
        bad("{\"orderID\": 1, \"orderID\": 2, " + ADDRESS + "}", "Malformed JSON body: duplicate field 'orderID'"),
        bad("{\"orderID\": 1, " + ADDRESS + "} {}", "Malformed JSON body at line 1, column 65: Trailing token"),
        bad("", "Request body must be a JSON object"),
        bad("[{\"orderID\": 1}]", "Request body must be a JSON object"),
        bad("\"orderID\"", "Request body must be a JSON object"),
        bad("{" + ADDRESS + "}", "orderID is required"),
        bad("{\"orderID\": null, " + ADDRESS + "}", "orderID is required"),
        bad("{\"orderID\": \"abc\", " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": \"123\", " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": 12.5, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": 1e2, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": true, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": 0, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": -4, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": 99999999999999999999, " + ADDRESS + "}", NOT_A_NUMBER.formatted("orderID")),
        bad("{\"orderID\": -0, " + ADDRESS + "}", "orderID must be a positive integer"),
        bad("{\"orderID\": 1}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": null}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": \"  \"}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": \"somewhere\"}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": \"1 A St, B, " + "C".repeat(500) + "\"}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": 42}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": {\"city\": \"Paris\", \"country\": \"FR\"}}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": {\"streetLines\": [7], \"city\": \"P\", \"country\": \"FR\"}}",
            INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"shippingAddress\": {\"streetLines\": [\"1 Rue\"], \"city\": \"P\", \"zip\": \"1\"}}",
            "unknown field 'shippingAddress.zip'"),
        bad("{\"orderID\": 1, \"shipingAddress\": \"1 A St, B, C\"}", "unknown field 'shipingAddress'"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"shipmentStatus\": \"shipped\"}", "a new shipment must start as pending"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"shipmentStatus\": \"teleported\"}",
            "unknown shipment status 'teleported'"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"shipmentStatus\": 1}", "shipmentStatus must be a string"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"carrier\": \"dhl\"}", "carrier must be one of fedex, usps"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"carrier\": 5}", "carrier must be one of fedex, usps"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": \"\"}", "serviceType must be 1 to 60 characters"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": 3}", "serviceType must be a string"),
        bad(withRecipient("\"Ada\""), "recipient must be an object"),
        bad(withRecipient("{}"), "recipient needs a name or a company"),
        bad(withRecipient("{\"name\": \" \", \"phone\": \"2125550100\"}"), "recipient needs a name or a company"),
        bad(withRecipient("{\"name\": 7}"), "recipient.name must be a string"),
        bad(withRecipient("{\"name\": \"" + "A".repeat(71) + "\"}"), "recipient.name must be at most 70 characters"),
        bad(withRecipient("{\"company\": \"" + "B".repeat(36) + "\"}"),
            "recipient.company must be at most 35 characters"),
        bad(withRecipient("{\"name\": \"Ada <script>\"}"),
            "recipient.name may hold only letters, digits, spaces and . , ' & / # ( ) + -"),
        bad(withRecipient("{\"name\": \"Ada\", \"phone\": \"555-0100\"}"), "recipient.phone must have 10 to 15 digits"),
        bad(withRecipient("{\"name\": \"Ada\", \"email\": \"ada@\"}"),
            "recipient.email must be an email address of at most 50 characters"),
        bad(withRecipient("{\"name\": \"Ada\", \"fax\": \"1\"}"), "unknown field 'recipient.fax'"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": \"FEDEX\\u0000GROUND\"}",
            "serviceType must not contain control characters"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": \"" + "X".repeat(61) + "\"}",
            "serviceType must be at most 60 characters"),
        bad("{\"orderID\": 1, " + ADDRESS + ", \"shipmentStatus\": \"pend\\u202Eing\"}",
            "shipmentStatus must not contain control characters"),
        bad("{\"orderID\": 1, \"shippingAddress\": \"1 Main St\\u0000, City, US\"}", INVALID_ADDRESS),
        bad("{\"orderID\": 1, \"" + "\\u0007".repeat(3) + "x\": 1, " + ADDRESS + "}", "unknown field '???x'"),
        bad("{\"orderID\": 1, \"" + "n".repeat(65) + "\": 1, " + ADDRESS + "}",
            "Malformed JSON body: a field name is longer than 64 characters"),
        bad("{\"a\": " + "[".repeat(17) + "]".repeat(17) + "}", "Malformed JSON body: nested deeper than 16 levels"),
        bad(withPackages("[{\"weight\": 1e-1000000}]"), NOT_A_NUMBER.formatted("packages[0].weight")),
        bad(withPackages("[{\"weight\": 1E+400}]"), NOT_A_NUMBER.formatted("packages[0].weight")),
        bad(withPackages("[{\"weight\": 1e-5}]"), "weight may have at most 2 decimal places"),
        bad(withPackages("[{\"weight\": 2.125}]"), "weight may have at most 2 decimal places"),
        bad(withPackages("[{\"weight\": 1e10}]"), "weight must be at most 150 lb (68 kg)"),
        bad(withPackages("[{\"weight\": 70, \"weightUnit\": \"kg\"}]"), "weight must be at most 150 lb (68 kg)"),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 1e-100000, \"width\": 1, \"height\": 1}}]"),
            NOT_A_NUMBER.formatted("packages[0].dimensions.length")),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 1.001, \"width\": 1, \"height\": 1}}]"),
            "dimensions may have at most 2 decimal places"),
        bad(withPackages("\"box\""), "packages must be an array"),
        bad(withPackages("[1]"), "packages[0] must be an object"),
        bad(withPackages("[{}]"), "packages[0].weight must be a number"),
        bad(withPackages("[{\"weight\": \"2\"}]"), "packages[0].weight must be a number"),
        bad(withPackages("[{\"weight\": -1}]"), "weight must be greater than 0"),
        bad(withPackages("[{\"weight\": 200}]"), "weight must be at most 150 lb (68 kg)"),
        bad(withPackages("[{\"weight\": 1, \"weightUnit\": \"stone\"}]"), "weight unit must be one of lb, kg"),
        bad(withPackages("[{\"weight\": 1, \"colour\": \"red\"}]"), "unknown field 'packages[0].colour'"),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 0, \"width\": 1, \"height\": 1}}]"),
            "dimensions must be greater than 0"),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 200, \"width\": 1, \"height\": 1}}]"),
            "no side of a package may exceed 108 in (274 cm)"),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 2, \"width\": 1, \"height\": 1, \"unit\": \"ft\"}}]"),
            "dimension unit must be one of in, cm"),
        bad(withPackages("[{\"weight\": 1, \"dimensions\": {\"length\": 2, \"width\": 1}}]"),
            "packages[0].dimensions.height must be a number"),
        bad(withPackages("[" + "{\"weight\": 1},".repeat(50) + "{\"weight\": 1}]"), "a shipment has at most 50 packages"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badBodies")
  void aBadBodyIsRefusedWith400NamingTheProblemAndNothingIsCreated(String body, String expectedError) {
    ApiClient.Reply reply = call(api -> api.createShipment(body));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).isEqualTo(expectedError);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(shipping.created).isEmpty();
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @MethodSource("badContentTypes")
  void aPostThatIsNotDeclaredAsJsonIsRefusedWith415(String contentType) {
    ApiClient.Reply reply = call(api -> api.post("/shipments", "{\"orderID\": 1, " + ADDRESS + "}", contentType));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.error()).isEqualTo("Content-Type must be application/json");
    assertThat(shipping.created).isEmpty();
  }

  static Stream<String> badContentTypes() {
    return Stream.of(null, "text/plain", "application/jsonx", "application/json; charset=iso-8859-1",
        "application/x-www-form-urlencoded");
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedWith413() {
    String body = "{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": \"" + "x".repeat(70_000) + "\"}";

    ApiClient.Reply reply = call(api -> api.createShipment(body));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.error()).isEqualTo("Request body is larger than 65536 bytes");
    assertThat(shipping.created).isEmpty();
  }

  @Test
  void aChunkedBodyThatDeclaresNoLengthIsCountedAndRefusedWith413() {
    RequestBody chunked = new RequestBody() {
      @Override
      public okhttp3.MediaType contentType() {
        return okhttp3.MediaType.get(ApiClient.JSON);
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.writeUtf8("{\"orderID\": 1, " + ADDRESS + ", \"serviceType\": \"" + "x".repeat(70_000) + "\"}");
      }
    };

    ApiClient.Reply reply = call(api -> api.send(new Request.Builder().url(api.origin() + "/shipments").post(chunked)));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(shipping.created).isEmpty();
  }

  private static Arguments bad(String body, String error) {
    return Arguments.of(body, error);
  }

  private static String withRecipient(String recipient) {
    return "{\"orderID\": 1, " + ADDRESS + ", \"recipient\": " + recipient + "}";
  }

  private static String withPackages(String packages) {
    return "{\"orderID\": 1, " + ADDRESS + ", \"packages\": " + packages + "}";
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }
}

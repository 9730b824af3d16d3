package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.LengthUnit;
import com.ostore.shipping.domain.model.WeightUnit;
import java.math.BigDecimal;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CreateShipmentHandlerTest {
  private static final String SEED_REQUEST =
      "{\"orderID\": 123, \"shippingAddress\": \"123 Main St, City, Country\", \"shipmentStatus\": \"pending\"}";

  private final FakeShipping shipping = new FakeShipping();

  @Test
  void theSeedRequestCreatesAPendingShipmentAndEchoesTheAddressExactly() {
    ApiClient.Reply reply = call(api -> api.createShipment(SEED_REQUEST));

    assertThat(reply.status()).isEqualTo(201);
    JsonNode body = reply.json();
    assertThat(reply.header("Location")).isEqualTo("/shipments/" + body.get("shipmentID").asLong());
    assertThat(body.get("shipmentID").isIntegralNumber()).isTrue();
    assertThat(body.get("orderID").asLong()).isEqualTo(123);
    assertThat(body.get("shippingAddress").asText()).isEqualTo("123 Main St, City, Country");
    assertThat(body.get("shipmentStatus").asText()).isEqualTo("pending");
    assertThat(body.get("carrier").asText()).isEqualTo("fedex");
    assertThat(body.has("failureReason")).isFalse();
    assertThat(body.get("createdAt").asText()).isEqualTo("2026-01-05T09:00:00Z");
    assertThat(shipping.created).singleElement().satisfies(command -> {
      assertThat(command.orderId().value()).isEqualTo(123);
      assertThat(command.address().text()).isEqualTo("123 Main St, City, Country");
      assertThat(command.carrierIfChosen()).isEmpty();
      assertThat(command.parcels()).isEmpty();
    });
  }

  @Test
  void givenAShipmentWithPackages_whenCreated_thenEachPackageIsListedWithItsEventsLinkButNoLabelYet() {
    String request = """
        {"orderID": 77, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US", "carrier": "usps",
         "serviceType": "PRIORITY_MAIL",
         "packages": [{"weight": 2.5, "dimensions": {"length": 12, "width": 8, "height": 4}},
                      {"weight": 1.2, "weightUnit": "kg", "dimensions": {"length": 30, "width": 20, "height": 10, "unit": "cm"}}]}
        """;

    ApiClient.Reply reply = call(api -> api.createShipment(request));

    assertThat(reply.status()).isEqualTo(201);
    CreateShipmentCommand command = shipping.created.get(0);
    assertThat(command.carrier()).isEqualTo(CarrierCode.USPS);
    assertThat(command.serviceType()).isEqualTo("PRIORITY_MAIL");
    assertThat(command.parcels().get(0).weight().unit()).isEqualTo(WeightUnit.LB);
    assertThat(command.parcels().get(1).weight().unit()).isEqualTo(WeightUnit.KG);
    assertThat(command.parcels().get(1).dimensions().unit()).isEqualTo(LengthUnit.CM);
    JsonNode body = reply.json();
    assertThat(body.get("carrier").asText()).isEqualTo("usps");
    assertThat(body.get("serviceType").asText()).isEqualTo("PRIORITY_MAIL");
    JsonNode first = body.get("packages").get(0);
    long packageId = first.get("packageID").asLong();
    assertThat(first.get("packageStatus").asText()).isEqualTo("pending");
    assertThat(first.get("packageWeight").decimalValue()).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(first.get("weightUnit").asText()).isEqualTo("lb");
    assertThat(first.get("packageDimensions").asText()).isEqualTo("12x8x4 in");
    assertThat(first.get("eventsUrl").asText()).isEqualTo("/packages/" + packageId + "/events");
    assertThat(first.has("labelUrl")).isFalse();
    assertThat(first.has("trackingNumber")).isFalse();
    assertThat(body.get("packages").get(1).get("weightUnit").asText()).isEqualTo("kg");
  }

  @Test
  void aStructuredAddressIsAcceptedAndShownInItsSingleLineForm() {
    String request = """
        {"orderID": 5, "shippingAddress": {"streetLines": ["350 Fifth Avenue", "Floor 3"], "city": "New York",
         "stateOrProvince": "NY", "postalCode": "10118", "country": "US"}}
        """;

    ApiClient.Reply reply = call(api -> api.createShipment(request));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("shippingAddress").asText())
        .isEqualTo("350 Fifth Avenue, Floor 3, New York, NY 10118, US");
    assertThat(shipping.created.get(0).address().postal().postalCode()).isEqualTo("10118");
  }

  @Test
  void theAddressIsEchoedCharacterForCharacterEvenWithOddSpacing() {
    String address = "  4 Privet Drive,Little Whinging ,  Surrey, UK";

    ApiClient.Reply reply =
        call(api -> api.createShipment("{\"orderID\": 4, \"shippingAddress\": \"" + address + "\"}"));

    assertThat(reply.json().get("shippingAddress").asText()).isEqualTo(address);
  }

  @Test
  void aJsonContentTypeWithUtf8CharsetIsAccepted() {
    ApiClient.Reply reply = call(api -> api.post("/shipments", SEED_REQUEST, "application/json; charset=UTF-8"));

    assertThat(reply.status()).isEqualTo(201);
  }

  @Test
  void theShipmentStatusMayBeLeftOutBecauseEveryNewShipmentIsPending() {
    ApiClient.Reply reply =
        call(api -> api.createShipment("{\"orderID\": 9, \"shippingAddress\": \"1 Elm St, Springfield, USA\"}"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("shipmentStatus").asText()).isEqualTo("pending");
  }

  @Test
  void aRecipientIsTakenTidiedAndShownByCreateAndByGet() {
    String request = """
        {"orderID": 5, "shippingAddress": "350 Fifth Avenue, New York, NY 10118, US",
         "recipient": {"name": "  Ada   Lovelace ", "company": "Analytical Engines",
                       "phone": "+1 (212) 555-0100", "email": "ada@example.com"}}
        """;

    ApiClient.Reply created = call(api -> api.createShipment(request));
    ApiClient.Reply fetched = call(api -> api.get(created.header("Location")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(shipping.created.get(0).recipientIfNamed()).hasValueSatisfying(recipient -> {
      assertThat(recipient.name()).isEqualTo("Ada Lovelace");
      assertThat(recipient.nationalPhone()).isEqualTo("2125550100");
    });
    for (JsonNode body : new JsonNode[] {created.json(), fetched.json()}) {
      JsonNode recipient = body.get("recipient");
      assertThat(recipient.get("name").asText()).isEqualTo("Ada Lovelace");
      assertThat(recipient.get("company").asText()).isEqualTo("Analytical Engines");
      assertThat(recipient.get("phone").asText()).isEqualTo("+12125550100");
      assertThat(recipient.get("email").asText()).isEqualTo("ada@example.com");
    }
  }

  @Test
  void aShipmentWithoutRecipientShowsNone() {
    ApiClient.Reply reply = call(api -> api.createShipment(SEED_REQUEST));

    assertThat(reply.json().has("recipient")).isFalse();
    assertThat(shipping.created.get(0).recipientIfNamed()).isEmpty();
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }
}

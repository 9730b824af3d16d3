package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.application.port.in.CheckHealthUseCase.Health;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventId;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadRoutesTest {
  private final FakeShipping shipping = new FakeShipping();

  @Test
  void givenAStoredShipment_whenFetched_thenTheSeedFieldsAndItsPackagesAreReturned() {
    Shipment shipment = shipping.store(aShipment().withId(1001).withOrderId(123)
        .withAddress(ShipmentTestData.SEED_ADDRESS).withParcels(2).build());

    ApiClient.Reply reply = call(api -> api.get("/shipments/1001"));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("shipmentID").asLong()).isEqualTo(1001);
    assertThat(body.get("orderID").asLong()).isEqualTo(123);
    assertThat(body.get("shippingAddress").asText()).isEqualTo("123 Main St, City, Country");
    assertThat(body.get("shipmentStatus").asText()).isEqualTo("pending");
    assertThat(body.get("packages")).hasSize(shipment.parcels().size());
  }

  @Test
  void givenALabelledShipment_whenFetched_thenEachPackageShowsItsTrackingNumberAndLabelLink() {
    Shipment pending = aShipment().withId(2002).build();
    ParcelId parcelId = pending.parcels().get(0).id();
    shipping.store(pending.labelsBought("FEDEX_GROUND", Map.of(parcelId, TrackingNumber.of("794600000001")),
        ShipmentTestData.T0.plusSeconds(60)));

    JsonNode body = call(api -> api.get("/shipments/2002")).json();

    assertThat(body.get("shipmentStatus").asText()).isEqualTo("label_created");
    assertThat(body.get("serviceType").asText()).isEqualTo("FEDEX_GROUND");
    assertThat(body.get("updatedAt").asText()).isEqualTo("2026-01-05T09:01:00Z");
    JsonNode parcel = body.get("packages").get(0);
    assertThat(parcel.get("trackingNumber").asText()).isEqualTo("794600000001");
    assertThat(parcel.get("labelUrl").asText()).isEqualTo("/packages/" + parcelId.value() + "/label");
  }

  @Test
  void givenAFailedShipment_whenFetched_thenTheFailureReasonIsShown() {
    shipping.store(aShipment().withId(3003).build().failed("address not deliverable", ShipmentTestData.T0));

    JsonNode body = call(api -> api.get("/shipments/3003")).json();

    assertThat(body.get("shipmentStatus").asText()).isEqualTo("failed");
    assertThat(body.get("failureReason").asText()).isEqualTo("address not deliverable");
  }

  @Test
  void anUnknownShipmentIsTheSeeds404() {
    ApiClient.Reply reply = call(api -> api.get("/shipments/999"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("{\"error\":\"Shipment not found\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/shipments/abc, shipmentID must be a positive integer",
      "/shipments/0, shipmentID must be a positive integer",
      "/shipments/-5, shipmentID must be a positive integer",
      "/shipments/1.5, shipmentID must be a positive integer",
      "/shipments/99999999999999999999, shipmentID must be a positive integer",
      "/orders/x/shipments, orderID must be a positive integer",
      "/orders/0/shipments, orderID must be a positive integer",
      "/packages/one/events, packageID must be a positive integer",
      "/packages/0/label, packageID must be a positive integer"})
  void aPathIdThatIsNotAPositiveIntegerIsA400(String path, String error) {
    ApiClient.Reply reply = call(api -> api.get(path));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).isEqualTo(error);
  }

  @Test
  void anOrdersShipmentsAreListedOldestFirstAndOtherOrdersAreLeftOut() {
    shipping.store(aShipment().withId(11).withOrderId(7).build());
    shipping.store(aShipment().withId(12).withOrderId(8).build());
    shipping.store(aShipment().withId(13).withOrderId(7).build());

    JsonNode body = call(api -> api.get("/orders/7/shipments")).json();

    assertThat(body.get("orderID").asLong()).isEqualTo(7);
    assertThat(body.get("shipments").findValuesAsText("shipmentID")).containsExactly("11", "13");
  }

  @Test
  void anOrdersShipmentsComeAPageAtATimeFollowingNextCursorUntilItIsNull() {
    for (int id = 31; id <= 35; id++) {
      shipping.store(aShipment().withId(id).withOrderId(9).build());
    }

    JsonNode first = call(api -> api.get("/orders/9/shipments?limit=2")).json();
    JsonNode second = call(api -> api.get("/orders/9/shipments?limit=2&cursor=" + first.get("nextCursor").asText())).json();
    JsonNode last = call(api -> api.get("/orders/9/shipments?limit=2&cursor=" + second.get("nextCursor").asText())).json();

    assertThat(first.get("shipments").findValuesAsText("shipmentID")).containsExactly("31", "32");
    assertThat(second.get("shipments").findValuesAsText("shipmentID")).containsExactly("33", "34");
    assertThat(last.get("shipments").findValuesAsText("shipmentID")).containsExactly("35");
    assertThat(last.has("nextCursor")).isTrue();
    assertThat(last.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void withoutALimitAPageHoldsFiftyItems() {
    call(api -> api.get("/orders/9/shipments"));

    assertThat(shipping.lastPage.limit()).isEqualTo(50);
    assertThat(shipping.lastPage.cursor()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/orders/9/shipments?limit=0 | limit must be an integer from 1 to 100",
      "/orders/9/shipments?limit=101 | limit must be an integer from 1 to 100",
      "/orders/9/shipments?limit=-1 | limit must be an integer from 1 to 100",
      "/orders/9/shipments?limit=1e2 | limit must be an integer from 1 to 100",
      "/orders/9/shipments?limit=99999999999 | limit must be an integer from 1 to 100",
      "/orders/9/shipments?limit=1&limit=2 | limit may be given only once",
      "/packages/1/events?limit=abc | limit must be an integer from 1 to 100",
      "/packages/1/events?cursor= | cursor is not one this list issued; start again without it"})
  void aBadPageParameterIsA400NamingIt(String path, String error) {
    ApiClient.Reply reply = call(api -> api.get(path));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).isEqualTo(error);
  }

  @Test
  void anOrderWithoutShipmentsHasAnEmptyList() {
    ApiClient.Reply reply = call(api -> api.get("/orders/42/shipments"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("shipments")).isEmpty();
  }

  @Test
  void aPackagesEventsKeepTheCarriersOwnUtcOffset() {
    Shipment shipment = shipping.store(aShipment().withId(21).build());
    ParcelId parcelId = shipment.parcels().get(0).id();
    shipping.storeEvents(parcelId, List.of(new TrackingEvent(TrackingEventId.of(5), parcelId,
        TrackingEventType.OUT_FOR_DELIVERY, OffsetDateTime.parse("2026-01-07T08:15:00-05:00"), "MEMPHIS, TN US",
        "OD", "On FedEx vehicle for delivery", Map.of("signedBy", "J. DOE"))));

    ApiClient.Reply reply = call(api -> api.get("/packages/" + parcelId.value() + "/events"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("packageID").asLong()).isEqualTo(parcelId.value());
    JsonNode event = reply.json().get("events").get(0);
    assertThat(event.get("trackingEventID").asLong()).isEqualTo(5);
    assertThat(event.get("packageID").asLong()).isEqualTo(parcelId.value());
    assertThat(event.get("eventType").asText()).isEqualTo("out_for_delivery");
    assertThat(event.get("eventTimestamp").asText()).isEqualTo("2026-01-07T08:15:00-05:00");
    assertThat(event.get("location").asText()).isEqualTo("MEMPHIS, TN US");
    assertThat(event.get("rawCode").asText()).isEqualTo("OD");
    assertThat(event.get("description").asText()).isEqualTo("On FedEx vehicle for delivery");
    assertThat(event.get("details").get("signedBy").asText()).isEqualTo("J. DOE");
  }

  @Test
  void eventsOfAnUnknownPackageAreA404() {
    ApiClient.Reply reply = call(api -> api.get("/packages/555/events"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).isEqualTo("Package not found");
  }

  @Test
  void aLabelIsServedAsItsOwnBytesAndMediaType() {
    byte[] zpl = "^XA^FO50,50^FDOStore^FS^XZ".getBytes(StandardCharsets.US_ASCII);
    shipping.storeLabel(ParcelId.of(77), new Label(LabelFormat.ZPL, zpl));

    ApiClient.Reply reply = call(api -> api.get("/packages/77/label"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/x-zpl");
    assertThat(reply.bytes()).isEqualTo(zpl);
  }

  @Test
  void aPackageWithoutALabelIsA404InJson() {
    ApiClient.Reply reply = call(api -> api.get("/packages/78/label"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.error()).isEqualTo("Label not found");
  }

  @Test
  void livenessIsUpWithoutAskingTheUseCase() {
    shipping.reportHealth(new Health(false, Map.of("database", "down")));

    ApiClient.Reply reply = call(api -> api.get("/health/live"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("up");
  }

  @Test
  void readinessIs200WithDetailsWhenReadyAnd503WhenNot() {
    shipping.reportHealth(new Health(true, Map.of("database", "up", "pendingTasks", 3)));
    ApiClient.Reply ready = call(api -> api.get("/health/ready"));
    shipping.reportHealth(new Health(false, Map.of("database", "down")));
    ApiClient.Reply notReady = call(api -> api.get("/health/ready"));

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("up");
    assertThat(ready.json().get("details").get("pendingTasks").asInt()).isEqualTo(3);
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().get("status").asText()).isEqualTo("down");
    assertThat(notReady.json().get("details").get("database").asText()).isEqualTo("down");
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }
}

package com.ostore.shipping.adapter.in.http;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CancelRouteTest {
  private final FakeShipping shipping = new FakeShipping();

  @Test
  void givenAPendingShipment_whenCancelled_thenItComesBackCancelled() {
    shipping.store(aShipment().withId(1001).build());

    ApiClient.Reply reply = call(api -> api.post("/shipments/1001/cancel", "", "application/json"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("shipmentStatus").asText()).isEqualTo("cancelled");
    assertThat(reply.json().get("packages").get(0).get("packageStatus").asText()).isEqualTo("cancelled");
  }

  @Test
  void givenAShipmentOnItsWay_whenCancelled_thenItIsAConflictAndNothingChanges() {
    Shipment pending = aShipment().withId(2002).build();
    ParcelId parcel = pending.parcels().get(0).id();
    Shipment shipped = pending.labelsBought("FEDEX_GROUND", Map.of(parcel, TrackingNumber.of("794600000001")),
        ShipmentTestData.T0).parcelMoved(parcel, ShipmentStatus.IN_TRANSIT, ShipmentTestData.T0);
    shipping.store(shipped);

    ApiClient.Reply reply = call(api -> api.post("/shipments/2002/cancel", "", "application/json"));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("error").asText()).isEqualTo("a shipment that is in_transit can no longer be cancelled");
    assertThat(call(api -> api.get("/shipments/2002")).json().get("shipmentStatus").asText()).isEqualTo("in_transit");
  }

  @Test
  void anUnknownShipmentCannotBeCancelled() {
    ApiClient.Reply reply = call(api -> api.post("/shipments/999/cancel", "", "application/json"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Shipment not found");
  }

  private ApiClient.Reply call(Function<ApiClient, ApiClient.Reply> exchange) {
    return ApiClient.call(shipping.useCases(), exchange);
  }
}

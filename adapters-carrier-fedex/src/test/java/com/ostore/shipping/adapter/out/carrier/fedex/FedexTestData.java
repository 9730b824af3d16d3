package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.support.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** FedEx configs with fast retries and label requests for tests. */
final class FedexTestData {
  static final String CLIENT_ID = "l7-test-client";
  static final String CLIENT_SECRET = "s3cr3t-Zebra-Quokka-9931";
  static final String ACCOUNT = "740561073";

  private FedexTestData() {}

  static FedexConfig config(String baseUrl, Clock clock) {
    FedexShipper shipper = new FedexShipper("Shipping Desk", "OStore", "9015550100",
        new PostalAddress(List.of("3610 Hacks Cross Rd"), "Memphis", "TN", "38125", "US"));
    FedexResilienceSettings fast = FedexResilienceSettings.standard()
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(800))
        .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(3));
    return FedexConfig.defaults(baseUrl, CLIENT_ID, Secret.of(CLIENT_SECRET), Secret.of(ACCOUNT), shipper)
        .withResilience(fast)
        .withClock(clock);
  }

  static LabelRequest request(String reference, int parcels, boolean resuming) {
    return request(reference, parcels, resuming, new PostalAddress(List.of("350 Fifth Avenue"), "New York", "NY",
        "10118", "US"));
  }

  static LabelRequest request(String reference, int parcels, boolean resuming, PostalAddress recipient) {
    List<ParcelSpec> specs = new ArrayList<>();
    for (int i = 1; i <= parcels; i++) {
      specs.add(new ParcelSpec(ParcelId.of(100_100 + i), Weight.pounds("2.5"), Dimensions.parse("12x8x4.5 in")));
    }
    return new LabelRequest(ShipmentId.of(1001), OrderId.of(123), reference, resuming, recipient, null, null, specs);
  }
}

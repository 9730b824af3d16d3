package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.support.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Configs, label requests and the recorded USPS samples shared by the USPS adapter tests. */
final class UspsTestData {
  static final String SECRET = "Zq9-distinctive-client-secret-7781";

  private UspsTestData() {}

  static UspsConfig config(String baseUrl, String clientId, String secret, Clock clock) {
    return UspsConfig.defaults(baseUrl, clientId, Secret.of(secret),
            new UspsPaymentAccount("56982563", "904128936", "904128937", UspsPaymentAccount.AccountType.EPS, "1000405525"),
            new UspsSender("Ada Lovelace", "OStore", "4120 Bingham Ave", "St. Louis", "MO", "63116", null))
        .withResilience(UspsResilience.fastForTests())
        .withRateLimits(UspsRateLimits.unlimited())
        .withClock(clock);
  }

  static UspsConfig config(String baseUrl, Clock clock) {
    return config(baseUrl, "client-id", SECRET, clock);
  }

  static LabelRequest labelRequest(String reference, int packages, boolean resuming) {
    return labelRequest(reference, packages, resuming,
        new PostalAddress(List.of("350 Fifth Avenue", "Floor 21"), "New York", "NY", "10118-0110", "US"));
  }

  static LabelRequest labelRequest(String reference, int packages, boolean resuming, PostalAddress to) {
    List<ParcelSpec> parcels = new ArrayList<>();
    for (int i = 1; i <= packages; i++) {
      parcels.add(new ParcelSpec(ParcelId.of(100100 + i), Weight.pounds("2.5"), Dimensions.parse("12x8x4 in")));
    }
    return new LabelRequest(ShipmentId.of(1001), OrderId.of(123), reference, resuming, to, null, null, parcels);
  }

  /** The same request with each package's stored purchase key, as the application sends it. */
  static LabelRequest withStoredKeys(LabelRequest request, List<PurchaseKey> keys) {
    List<ParcelSpec> parcels = new ArrayList<>();
    for (int i = 0; i < request.parcels().size(); i++) {
      ParcelSpec parcel = request.parcels().get(i);
      parcels.add(new ParcelSpec(parcel.parcelId(), parcel.weight(), parcel.dimensions(), keys.get(i)));
    }
    return new LabelRequest(request.shipmentId(), request.orderId(), request.reference(),
        request.resumingInterruptedAttempt(), request.destination(), request.recipient(), request.serviceType(),
        request.labelFormat(), parcels);
  }

  /** A recorded USPS payload from this module's test resources ({@code carrier-samples/usps}, see its README). */
  static byte[] sample(String relative) {
    String resource = "/carrier-samples/usps/" + relative;
    try (InputStream in = UspsTestData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.ostore.shipping.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Create-shipment bodies for one carrier and a number of packages, and what to read back from a shipment. */
public final class ShipmentRequests {
  private static final String NEW_YORK = "\"350 Fifth Avenue, New York, NY 10118, US\"";
  private static final String WASHINGTON = """
      {"streetLines": ["1600 Pennsylvania Ave NW"], "city": "Washington", "stateOrProvince": "DC",
       "postalCode": "20500", "country": "US"}""";

  private ShipmentRequests() {}

  public static String fedex(long orderId, int packages) {
    return body(orderId, "fedex", NEW_YORK, packages);
  }

  public static String usps(long orderId, int packages) {
    return body(orderId, "usps", WASHINGTON, packages);
  }

  /** The customer reference the service puts on every label of a shipment. */
  public static String reference(long shipmentId) {
    return "ostore-shipment-" + shipmentId;
  }

  static List<String> trackingNumbers(JsonNode shipment) {
    List<String> numbers = new ArrayList<>();
    shipment.get("packages").forEach(p -> numbers.add(p.get("trackingNumber").asText()));
    return numbers;
  }

  private static String body(long orderId, String carrier, String address, int packages) {
    String parcels = IntStream.rangeClosed(1, packages)
        .mapToObj(i -> "{\"weight\": " + (i + 0.5) + "}")
        .collect(Collectors.joining(", "));
    return "{\"orderID\": " + orderId + ", \"shippingAddress\": " + address + ", \"carrier\": \"" + carrier
        + "\", \"packages\": [" + parcels + "]}";
  }
}

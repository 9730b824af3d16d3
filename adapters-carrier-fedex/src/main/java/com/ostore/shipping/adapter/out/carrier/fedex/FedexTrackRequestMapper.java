package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.time.LocalDate;
import java.util.List;

/** The bodies of Track by tracking numbers (at most 30) and Track by references. */
final class FedexTrackRequestMapper {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FedexTrackRequestMapper() {}

  static ObjectNode byNumbers(List<TrackingNumber> numbers) {
    ObjectNode body = NODES.objectNode();
    body.put("includeDetailedScans", true);
    ArrayNode info = body.putArray("trackingInfo");
    numbers.forEach(number -> info.addObject().putObject("trackingNumberInfo").put("trackingNumber", number.value()));
    return body;
  }

  /** Shipments under our customer reference shipped between {@code lookback} days ago and tomorrow. */
  static ObjectNode byReference(FedexConfig config, String reference, LocalDate today) {
    ObjectNode body = NODES.objectNode();
    body.put("includeDetailedScans", false);
    body.putObject("referencesInformation")
        .put("type", "CUSTOMER_REFERENCE")
        .put("value", reference)
        .put("accountNumber", config.accountNumber().reveal())
        .put("shipDateBegin", today.minusDays(config.shipmentDefaults().reconciliationLookback().toDays()).toString())
        .put("shipDateEnd", today.plusDays(1).toString());
    return body;
  }
}

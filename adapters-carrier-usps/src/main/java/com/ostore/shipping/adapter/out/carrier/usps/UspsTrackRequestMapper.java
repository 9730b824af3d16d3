package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.util.List;

/** The v3r2 tracking request: an array of {@code {trackingNumber}} (no other member: the schema forbids extras). */
final class UspsTrackRequestMapper {
  private UspsTrackRequestMapper() {}

  static ArrayNode byNumbers(ObjectMapper json, List<TrackingNumber> numbers) {
    ArrayNode body = json.createArrayNode();
    numbers.forEach(number -> body.addObject().put("trackingNumber", number.value()));
    return body;
  }
}

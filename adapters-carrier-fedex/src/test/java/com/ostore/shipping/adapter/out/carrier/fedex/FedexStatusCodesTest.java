package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.TrackingEventType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FedexStatusCodesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"OC,LABEL_CREATED", "PU,PICKED_UP", "IT,IN_TRANSIT", "AR,IN_TRANSIT", "DP,IN_TRANSIT",
      "OD,OUT_FOR_DELIVERY", "DL,DELIVERED", "DE,EXCEPTION", "SE,EXCEPTION", "HP,AVAILABLE_FOR_PICKUP",
      "RS,RETURNED", "CA,CANCELLED", "ow,IN_TRANSIT", "RR,UNKNOWN", "ZZ,UNKNOWN"})
  void fedexCodesMapToOurEventTypes(String code, TrackingEventType expected) {
    assertThat(FedexStatusCodes.typeOf(code, "test")).isEqualTo(expected);
  }

  @Test
  void everyMovementCodeInFedExsTableExceptCustomerOptionsAndReturnLinksMovesTheStatus() throws Exception {
    JsonNode table = new ObjectMapper().readTree(CarrierSamples.fedex("reference/fedex-tracking-status-codes.json"));
    Set<String> unmapped = new HashSet<>();
    for (JsonNode entry : table.path("codes")) {
      String code = entry.path("code").asText();
      if (entry.path("group").asText().equals("Movement")
          && FedexStatusCodes.typeOf(code, entry.path("definition").asText()) == TrackingEventType.UNKNOWN) {
        unmapped.add(code);
      }
    }
    assertThat(unmapped).containsExactlyInAnyOrder("CH", "DR", "DS", "RR", "RM", "RC", "RP", "LP", "RG", "RD", "SP");
  }
}

package com.ostore.shipping.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierContractsTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();

  @Test
  void givenRequestAsItArrivesOnTheWire_find_namesTheOperation() {
    assertThat(CONTRACTS.find(Carrier.USPS, "DELETE", "/labels/v3/label/9405511899223197428490"))
        .map(ContractOperation::operationId).contains("delete-label-by-tracking");
    assertThat(CONTRACTS.find(Carrier.USPS, "GET", "/tracking/v3/tracking/9400109104250532908587?expand=DETAIL"))
        .map(ContractOperation::contract).contains(PublishedContract.USPS_TRACKING_V3);
    assertThat(CONTRACTS.find(Carrier.USPS, "post", "/tracking/v3r2/tracking"))
        .map(ContractOperation::contract).contains(PublishedContract.USPS_TRACKING_V3R2);
    assertThat(CONTRACTS.find(Carrier.FEDEX, "POST", "/oauth/token"))
        .map(ContractOperation::operationId).contains("API Authorization");
  }

  @Test
  void givenPathNoDocumentDeclares_find_findsNothing() {
    assertThat(CONTRACTS.find(Carrier.FEDEX, "POST", "/labels/v3/label")).isEmpty();
    assertThat(CONTRACTS.find(Carrier.USPS, "GET", "/labels/v3/label")).isEmpty();
  }

  @Test
  void givenUnknownOperationOrWrongMediaType_check_saysSoInsteadOfPassing() {
    assertThatThrownBy(() -> CONTRACTS.checkJson(Carrier.FEDEX, "Create Label", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no published FEDEX operation");
    assertThatThrownBy(() -> CONTRACTS.checkJson(Carrier.FEDEX, "API Authorization", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application/x-www-form-urlencoded");
    assertThatThrownBy(() -> CONTRACTS.checkForm(Carrier.USPS, "post-label", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not take");
  }
}

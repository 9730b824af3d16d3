package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FedexShipResponseMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void givenTheRealMultiPieceResponse_whenMapped_thenEachPieceGoesToItsPackageBySequence() throws Exception {
    LabelRequest request = FedexTestData.request("ship-1001", 21, false);

    LabelPurchase purchase = FedexShipResponseMapper.purchase(JSON.readTree(
        CarrierSamples.fedex("ship/fedex-ship-v1-create-shipment-response-intl-mps-real.trimmed.json")),
        request, "FEDEX_GROUND", LabelFormat.PDF);

    assertThat(purchase.serviceType()).isEqualTo("FEDEX_INTERNATIONAL_PRIORITY_EXPRESS");
    assertThat(purchase.labels()).hasSize(21);
    PurchasedLabel first = purchase.labels().get(0);
    assertThat(first.parcelId()).isEqualTo(ParcelId.of(100_101));
    assertThat(first.trackingNumber().value()).isEqualTo("794791341818");
    assertThat(purchase.labels().get(20).parcelId()).isEqualTo(ParcelId.of(100_121));
    assertThat(purchase.labels().get(20).trackingNumber().value()).isEqualTo("794791342012");
    assertThat(purchase.labels()).extracting(PurchasedLabel::trackingNumber).doesNotHaveDuplicates();
  }

  @Test
  void givenTheSingleLabelResponse_whenMapped_thenTheLabelIsTheDecodedPdf() throws Exception {
    LabelRequest request = FedexTestData.request("ship-1001", 1, false);

    LabelPurchase purchase = FedexShipResponseMapper.purchase(JSON.readTree(
        CarrierSamples.fedex("ship/fedex-ship-v1-create-shipment-response.json")), request, "FEDEX_GROUND", LabelFormat.PDF);

    assertThat(purchase.carrierTransactionId()).isEqualTo("624deea6-b709-470c-8c39-4b5511281492");
    PurchasedLabel label = purchase.labels().get(0);
    assertThat(label.trackingNumber().value()).isEqualTo("794953535000");
    assertThat(label.parcelId()).isEqualTo(ParcelId.of(100_101));
    assertThat(new String(label.label().content(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
    assertThat(label.label().format()).isEqualTo(LabelFormat.PDF);
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * FedEx's create-shipment answer ({@code output.transactionShipments[].pieceResponses[]}) to one
 * {@link PurchasedLabel} per requested package. A piece finds its package by {@code packageSequenceNumber},
 * else by the package reference we sent, else by position when FedEx returned exactly one piece per package.
 * An answer we cannot map fully is "unavailable": labels may have been bought, and the retry reconciles.
 */
final class FedexShipResponseMapper {
  private FedexShipResponseMapper() {}

  static LabelPurchase purchase(JsonNode response, LabelRequest request, String serviceType, LabelFormat format) {
    String transactionId = FedexErrors.text(response, "transactionId");
    List<JsonNode> pieces = new ArrayList<>();
    List<String> masters = new ArrayList<>();
    String soldService = serviceType;
    for (JsonNode shipment : response.path("output").path("transactionShipments")) {
      String master = shipment.path("masterTrackingNumber").asText("");
      shipment.path("pieceResponses").forEach(piece -> {
        pieces.add(piece);
        masters.add(piece.path("masterTrackingNumber").asText(master));
      });
      soldService = shipment.path("serviceType").asText(soldService);
    }
    List<ParcelSpec> parcels = request.parcels();
    if (pieces.size() != parcels.size()) {
      throw FedexErrors.malformed("FedEx create shipment (" + pieces.size() + " pieces for " + parcels.size()
          + " packages)", transactionId, null);
    }
    List<PurchasedLabel> labels = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      JsonNode piece = pieces.get(i);
      ParcelSpec parcel = parcelOf(piece, parcels).orElse(parcels.get(i));
      String trackingNumber = piece.path("trackingNumber").asText("");
      byte[] image = labelImage(piece).orElseThrow(() -> FedexErrors.malformed(
          "FedEx create shipment (no label image for " + trackingNumber + ")", transactionId, null));
      try {
        TrackingNumber number = TrackingNumber.of(trackingNumber);
        String master = masters.get(i);
        labels.add(new PurchasedLabel(parcel.parcelId(), number, new Label(format, image),
            master.isBlank() ? number : TrackingNumber.of(master), null));
      } catch (RuntimeException invalid) {
        throw FedexErrors.malformed("FedEx create shipment (unreadable piece)", transactionId, invalid);
      }
    }
    if (labels.stream().map(PurchasedLabel::parcelId).distinct().count() != labels.size()) {
      throw FedexErrors.malformed("FedEx create shipment (two pieces for one package)", transactionId, null);
    }
    return new LabelPurchase(soldService, transactionId, labels);
  }

  private static Optional<ParcelSpec> parcelOf(JsonNode piece, List<ParcelSpec> parcels) {
    int sequence = piece.path("packageSequenceNumber").asInt(0);
    if (sequence >= 1 && sequence <= parcels.size()) {
      return Optional.of(parcels.get(sequence - 1));
    }
    for (JsonNode reference : piece.path("customerReferences")) {
      if (FedexShipRequestMapper.PARCEL_REFERENCE_TYPE.equals(reference.path("customerReferenceType").asText())) {
        String value = reference.path("value").asText();
        return parcels.stream().filter(parcel -> parcel.parcelId().toString().equals(value)).findFirst();
      }
    }
    return Optional.empty();
  }

  private static Optional<byte[]> labelImage(JsonNode piece) {
    for (JsonNode document : piece.path("packageDocuments")) {
      String encoded = document.path("encodedLabel").asText("");
      if (!encoded.isEmpty() && "LABEL".equals(document.path("contentType").asText("LABEL"))) {
        try {
          return Optional.of(Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException notBase64) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.model.LabelFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * What every FedEx shipment gets unless the request says otherwise: service, label format and stock,
 * packaging, pickup type, the contact printed for a shipment that names no recipient (and the phone
 * used when the recipient gives none: FedEx requires one), and how many days back reconciliation
 * looks for labels an interrupted attempt bought.
 */
public record FedexShipmentDefaults(
    String serviceType,
    LabelFormat labelFormat,
    String labelStockType,
    String packagingType,
    String pickupType,
    String recipientName,
    String recipientPhone,
    Duration reconciliationLookback) {

  public FedexShipmentDefaults {
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(labelFormat, "labelFormat");
    Objects.requireNonNull(labelStockType, "labelStockType");
    Objects.requireNonNull(packagingType, "packagingType");
    Objects.requireNonNull(pickupType, "pickupType");
    Objects.requireNonNull(recipientName, "recipientName");
    Objects.requireNonNull(recipientPhone, "recipientPhone");
    Objects.requireNonNull(reconciliationLookback, "reconciliationLookback");
    if (!FedexServiceTypes.ALL.contains(serviceType)) {
      throw new IllegalArgumentException("'" + serviceType + "' is not a FedEx service type; one of "
          + FedexServiceTypes.ALL);
    }
    if (recipientName.isBlank() || recipientName.length() > 70) {
      throw new IllegalArgumentException("the FedEx recipient fallback name needs 1 to 70 characters");
    }
    if (!recipientPhone.matches("\\d{10}")) {
      throw new IllegalArgumentException("the FedEx recipient fallback phone needs exactly 10 digits");
    }
  }

  /** FedEx Ground, 4x6 PDF labels, own packaging, drop-off at a FedEx location. */
  public static FedexShipmentDefaults standard() {
    return new FedexShipmentDefaults("FEDEX_GROUND", LabelFormat.PDF, "PAPER_4X6", "YOUR_PACKAGING",
        "DROPOFF_AT_FEDEX_LOCATION", "OStore Customer", "0000000000", Duration.ofDays(3));
  }

  /** Same defaults with another contact for shipments that name no recipient. */
  public FedexShipmentDefaults withRecipientFallback(String name, String phone) {
    return new FedexShipmentDefaults(serviceType, labelFormat, labelStockType, packagingType, pickupType, name, phone,
        reconciliationLookback);
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Labels a worker bought and may not record: they go back to the carrier unless a package ships with them. */
final class UnrecordedLabels {
  private static final Logger LOG = LoggerFactory.getLogger(UnrecordedLabels.class);

  private final ShipmentRepository shipments;

  UnrecordedLabels(ShipmentRepository shipments) {
    this.shipments = shipments;
  }

  /**
   * Another worker claimed the shipment's label work while this one was buying: this one voids what it
   * bought, except a label that is the package's live one. That is the label recorded for the package,
   * or, with a carrier that answers a repeated purchase with the label it sold the first time (USPS's
   * idempotency key), one the current holder is getting back as its own: voiding it would kill the label
   * the package ships with.
   */
  void afterLeaseLost(Shipment before, CarrierGateway gateway, LabelPurchase purchase) {
    Optional<Shipment> now = shipments.findById(before.id());
    boolean holderGetsTheseBack = gateway.repeatedPurchasesReturnTheSameLabels()
        && now.map(s -> s.status() == ShipmentStatus.PENDING).orElse(false);
    for (PurchasedLabel label : purchase.labels()) {
      Optional<TrackingNumber> recorded = now.flatMap(s -> s.parcel(label.parcelId())).map(Parcel::trackingNumber);
      if (recorded.map(label.trackingNumber()::equals).orElse(holderGetsTheseBack)) {
        LOG.info("shipment {}: label {} bought after the lease was lost is the package's live one; kept", before.id(),
            label.trackingNumber());
      } else {
        LOG.warn("shipment {}: the lease was lost while buying; voiding label {}", before.id(), label.trackingNumber());
        voidLabel(gateway, before, label);
      }
    }
  }

  /**
   * The shipment was cancelled while its labels were bought: all of them go back, as one shipment (a
   * multi-package FedEx shipment is voided once under its master tracking number).
   */
  void voidAll(Shipment shipment, CarrierGateway gateway, LabelPurchase purchase) {
    try {
      gateway.cancelShipment(purchase.labels().stream().map(PurchasedLabel::reference).toList());
    } catch (CarrierException e) {
      LOG.error("shipment {}: voiding labels {} failed, void them by hand: {}", shipment.id(),
          purchase.labels().stream().map(PurchasedLabel::trackingNumber).toList(), e.getMessage());
    }
  }

  private static void voidLabel(CarrierGateway gateway, Shipment shipment, PurchasedLabel label) {
    try {
      gateway.cancel(label.trackingNumber());
    } catch (CarrierException e) {
      LOG.error("shipment {}: voiding label {} failed, void it by hand: {}", shipment.id(), label.trackingNumber(),
          e.getMessage());
    }
  }
}

package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentRow;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.model.WeightUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps shipments to their rows and the join rows back to shipments. */
final class ShipmentRows {
  // PostalAddress rejects control characters in a street line, so a newline can separate them.
  private static final String STREET_LINE_SEPARATOR = "\n";

  private ShipmentRows() {}

  /** The shipment's row, with its answer rendered as {@code renderings} store it. */
  static ShipmentRow toRow(Shipment s, StoredRenderings renderings) {
    PostalAddress postal = s.address().postal();
    Recipient r = s.recipient();
    return new ShipmentRow(s.id().value(), s.orderId().value(), s.address().text(),
        String.join(STREET_LINE_SEPARATOR, postal.streetLines()), postal.city(), postal.stateOrProvince(),
        postal.postalCode(), postal.country(), s.status().wireName(), s.carrier().wireName(), s.serviceType(),
        s.failureReason(), s.createdAt(), s.updatedAt(), s.version(), r == null ? null : r.name(),
        r == null ? null : r.company(), r == null ? null : r.phone(), r == null ? null : r.email(),
        renderings.render(s), renderings.format());
  }

  static List<ParcelRow> toParcelRows(Shipment s) {
    return s.parcels().stream().map(ShipmentRows::toRow).toList();
  }

  private static ParcelRow toRow(Parcel p) {
    return new ParcelRow(p.id().value(), p.shipmentId().value(),
        p.dimensionsIfKnown().map(Dimensions::toText).orElse(null), p.weight().value(),
        p.weight().unit().wireName(), p.status().wireName(),
        p.trackingNumberIfAssigned().map(TrackingNumber::value).orElse(null), p.serviceType(), p.createdAt(),
        p.updatedAt());
  }

  /** Folds join rows (ordered by shipment, then package) into shipments, keeping the row order. */
  static List<Shipment> toShipments(List<ShipmentParcelRow> rows) {
    Map<Long, List<ShipmentParcelRow>> byShipment = new LinkedHashMap<>();
    for (ShipmentParcelRow row : rows) {
      byShipment.computeIfAbsent(row.shipmentId(), id -> new ArrayList<>()).add(row);
    }
    return byShipment.values().stream().map(ShipmentRows::toShipment).toList();
  }

  private static Shipment toShipment(List<ShipmentParcelRow> rows) {
    ShipmentParcelRow s = rows.get(0);
    ShipmentId id = ShipmentId.of(s.shipmentId());
    PostalAddress postal = new PostalAddress(Arrays.asList(s.addressStreetLines().split(STREET_LINE_SEPARATOR)),
        s.addressCity(), s.addressStateOrProvince(), s.addressPostalCode(), s.addressCountry());
    List<Parcel> parcels = rows.stream().map(row -> toParcel(id, row)).toList();
    Recipient recipient = s.recipientName() == null && s.recipientCompany() == null ? null
        : new Recipient(s.recipientName(), s.recipientCompany(), s.recipientPhone(), s.recipientEmail());
    return Shipment.restore(id, OrderId.of(s.orderId()), new ShippingAddress(s.shippingAddress(), postal), recipient,
        ShipmentStatus.fromWireName(s.shipmentStatus()), CarrierCode.fromWireName(s.carrierCode()), s.serviceType(),
        parcels, s.failureReason(), s.createdAt(), s.updatedAt(), s.version());
  }

  private static Parcel toParcel(ShipmentId shipmentId, ShipmentParcelRow row) {
    return new Parcel(ParcelId.of(row.packageId()), shipmentId,
        new Weight(row.packageWeight(), WeightUnit.fromWireName(row.weightUnit())),
        row.packageDimensions() == null ? null : Dimensions.parse(row.packageDimensions()),
        ShipmentStatus.fromWireName(row.packageStatus()),
        row.trackingNumber() == null ? null : TrackingNumber.of(row.trackingNumber()), row.packageServiceType(),
        row.packageCreatedAt(), row.packageUpdatedAt());
  }
}

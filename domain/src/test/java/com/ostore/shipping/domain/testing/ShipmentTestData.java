package com.ostore.shipping.domain.testing;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Weight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds shipments for tests with sensible defaults; override only what the test is about. */
public final class ShipmentTestData {
  public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  public static final String SEED_ADDRESS = "123 Main St, City, Country";
  public static final String US_ADDRESS = "350 Fifth Avenue, New York, NY 10118, US";

  private long id = 1001;
  private long orderId = 123;
  private String address = US_ADDRESS;
  private CarrierCode carrier = CarrierCode.FEDEX;
  private int parcels = 1;
  private Recipient recipient;
  private Instant now = T0;

  private ShipmentTestData() {}

  public static ShipmentTestData aShipment() {
    return new ShipmentTestData();
  }

  public ShipmentTestData withId(long value) {
    this.id = value;
    return this;
  }

  public ShipmentTestData withOrderId(long value) {
    this.orderId = value;
    return this;
  }

  public ShipmentTestData withAddress(String value) {
    this.address = value;
    return this;
  }

  public ShipmentTestData withCarrier(CarrierCode value) {
    this.carrier = value;
    return this;
  }

  public ShipmentTestData withRecipient(Recipient value) {
    this.recipient = value;
    return this;
  }

  public ShipmentTestData withParcels(int count) {
    this.parcels = count;
    return this;
  }

  public ShipmentTestData at(Instant value) {
    this.now = value;
    return this;
  }

  public Shipment build() {
    ShipmentId shipmentId = ShipmentId.of(id);
    List<Parcel> list = new ArrayList<>();
    for (int i = 1; i <= parcels; i++) {
      list.add(Parcel.pending(ParcelId.of(id * 100 + i), shipmentId, Weight.pounds("2.5"),
          Dimensions.parse("12x8x4 in"), now));
    }
    return Shipment.create(
        shipmentId, OrderId.of(orderId), ShippingAddress.parse(address), recipient, carrier, null, list, now);
  }
}

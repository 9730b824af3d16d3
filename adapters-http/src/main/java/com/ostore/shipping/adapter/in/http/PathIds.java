package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ValidationException;
import io.javalin.http.Context;

/** Reads ids from the path, refusing anything but a positive decimal number with a 400. */
final class PathIds {
  static final String SHIPMENT_ID = "shipmentID";
  static final String ORDER_ID = "orderID";
  static final String PACKAGE_ID = "packageID";
  /** 18 digits always fit a long, so parsing below cannot overflow. */
  private static final int MAX_DIGITS = 18;

  private PathIds() {}

  static ShipmentId shipmentId(Context ctx) {
    ShipmentId id = ShipmentId.of(positive(ctx, SHIPMENT_ID));
    RequestIds.about("shipmentId", id.value());
    return id;
  }

  static OrderId orderId(Context ctx) {
    OrderId id = OrderId.of(positive(ctx, ORDER_ID));
    RequestIds.about("orderId", id.value());
    return id;
  }

  static ParcelId packageId(Context ctx) {
    return ParcelId.of(positive(ctx, PACKAGE_ID));
  }

  private static long positive(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!digits(raw) || Long.parseLong(raw) < 1) {
      throw new ValidationException(name + " must be a positive integer");
    }
    return Long.parseLong(raw);
  }

  /** 1 to {@link #MAX_DIGITS} ASCII digits (checked by hand: every read passes here). */
  private static boolean digits(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_DIGITS) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

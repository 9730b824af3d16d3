package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import java.nio.charset.StandardCharsets;

/**
 * The renderer whose answer is stored with every shipment written ({@code Shipments.rendered}), or none:
 * then the columns stay empty and every read renders from the rows.
 */
record StoredRenderings(ShipmentRenderer renderer) {
  static final StoredRenderings NONE = new StoredRenderings(null);

  /** The text to store for {@code shipment} as it is being written; null when nothing is stored. */
  String render(Shipment shipment) {
    return renderer == null ? null : new String(renderer.render(shipment), StandardCharsets.UTF_8);
  }

  String format() {
    return renderer == null ? null : renderer.format();
  }

  /** Whether the stored renderings are what {@code reader} would write. */
  boolean serve(ShipmentRenderer reader) {
    return renderer != null && renderer.format().equals(reader.format());
  }
}

package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Shipment;

/**
 * Writes a shipment as its readers receive it (the API's JSON, for instance). A storage adapter given a
 * renderer may keep each shipment's rendering beside it, rewritten in the same write as every change, so
 * that a read answers with the stored bytes instead of reading the rows and writing them out again.
 */
public interface ShipmentRenderer {

  /**
   * Names this rendering: two renderers with the same format write the same bytes for every shipment. A
   * stored rendering is served only to a renderer of the format it was written in, so one written by an
   * older version of the service (or by another renderer) is never mistaken for this one's.
   */
  String format();

  /** The shipment as UTF-8 bytes. */
  byte[] render(Shipment shipment);
}

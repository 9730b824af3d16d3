package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import java.nio.charset.StandardCharsets;

/**
 * Every field of a shipment and its packages except the version (which a rendering must not depend on: it
 * is written before the update raises it), with a character outside ASCII so that byte fidelity shows.
 */
final class SummaryRenderer implements ShipmentRenderer {
  private final String format;

  SummaryRenderer() {
    this("summary-1");
  }

  SummaryRenderer(String format) {
    this.format = format;
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public byte[] render(Shipment shipment) {
    return ("Zoë " + format + " " + shipment.withVersion(0)).getBytes(StandardCharsets.UTF_8);
  }
}

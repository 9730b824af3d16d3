package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;

/** Reads one shipment with its packages. */
public interface GetShipmentUseCase {
  /** @throws ShipmentNotFoundException when there is no such shipment */
  Shipment getShipment(ShipmentId id);

  /**
   * The shipment as {@code renderer} writes it, from the rendering stored with it when storage keeps one
   * in that format (see {@link com.ostore.shipping.domain.port.out.ShipmentRepository#findRendered}).
   *
   * @throws ShipmentNotFoundException when there is no such shipment
   */
  byte[] getShipment(ShipmentId id, ShipmentRenderer renderer);
}

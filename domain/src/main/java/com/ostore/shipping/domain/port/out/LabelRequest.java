package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.ShipmentId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Labels to buy for one shipment. {@code reference} is stable across retries of the same work (the
 * carrier's customer reference); {@code resumingInterruptedAttempt} says an earlier attempt may have
 * bought labels before it died. {@code recipient} is who the labels are addressed to; without one the
 * adapter prints its configured fallback. {@code serviceType} and {@code labelFormat} may be null: the
 * carrier's configured defaults apply.
 */
public record LabelRequest(
    ShipmentId shipmentId,
    OrderId orderId,
    String reference,
    boolean resumingInterruptedAttempt,
    PostalAddress destination,
    Recipient recipient,
    String serviceType,
    LabelFormat labelFormat,
    List<ParcelSpec> parcels) {

  public LabelRequest {
    Objects.requireNonNull(shipmentId, "shipmentId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(destination, "destination");
    parcels = List.copyOf(parcels);
    if (parcels.isEmpty()) {
      throw new IllegalArgumentException("a label request needs at least one package");
    }
  }

  /** A request without a recipient (the seed's shipments carry none). */
  public LabelRequest(ShipmentId shipmentId, OrderId orderId, String reference, boolean resumingInterruptedAttempt,
      PostalAddress destination, String serviceType, LabelFormat labelFormat, List<ParcelSpec> parcels) {
    this(shipmentId, orderId, reference, resumingInterruptedAttempt, destination, null, serviceType, labelFormat,
        parcels);
  }

  public Optional<Recipient> recipientIfKnown() {
    return Optional.ofNullable(recipient);
  }
}

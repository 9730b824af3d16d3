package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Text;
import com.ostore.shipping.domain.model.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to ship (part of) an order. {@code carrier}, {@code serviceType} and {@code parcels} are
 * optional: without them the configured shipping preferences decide. {@code recipient} is optional too:
 * without it the carriers' configured fallback goes on the label.
 */
public record CreateShipmentCommand(
    OrderId orderId, ShippingAddress address, Recipient recipient, CarrierCode carrier, String serviceType,
    List<ParcelRequest> parcels) {

  public static final int MAX_PARCELS = 50;

  public CreateShipmentCommand {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(address, "address");
    parcels = parcels == null ? List.of() : List.copyOf(parcels);
    if (parcels.size() > MAX_PARCELS) {
      throw new ValidationException("a shipment has at most " + MAX_PARCELS + " packages");
    }
    if (serviceType != null && (serviceType.isBlank() || serviceType.length() > 60)) {
      throw new ValidationException("serviceType must be 1 to 60 characters");
    }
    if (serviceType != null && !Text.isPrintable(serviceType)) {
      throw new ValidationException("serviceType must not contain control characters");
    }
  }

  /** A request without a named recipient. */
  public CreateShipmentCommand(
      OrderId orderId, ShippingAddress address, CarrierCode carrier, String serviceType, List<ParcelRequest> parcels) {
    this(orderId, address, null, carrier, serviceType, parcels);
  }

  /** The seed's request: an order and an address, everything else from preferences. */
  public static CreateShipmentCommand of(OrderId orderId, ShippingAddress address) {
    return new CreateShipmentCommand(orderId, address, null, null, null, List.of());
  }

  public Optional<Recipient> recipientIfNamed() {
    return Optional.ofNullable(recipient);
  }

  public Optional<CarrierCode> carrierIfChosen() {
    return Optional.ofNullable(carrier);
  }

  public Optional<String> serviceTypeIfChosen() {
    return Optional.ofNullable(serviceType);
  }
}

package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ValidationException;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores a new shipment and the work that buys its labels in one atomic write, then returns at once:
 * if the process dies right after, the work is still there for the next worker.
 */
public final class CreateShipmentService implements CreateShipmentUseCase {
  private final ShipmentRepository shipments;
  private final CarrierGateways carriers;
  private final ShippingPreferences preferences;
  private final Clock clock;

  public CreateShipmentService(
      ShipmentRepository shipments, CarrierGateways carriers, ShippingPreferences preferences, Clock clock) {
    this.shipments = shipments;
    this.carriers = carriers;
    this.preferences = preferences;
    this.clock = clock;
  }

  /**
   * A service the carrier does not sell would only fail later, at the carrier, and page on-call; so it is
   * refused here, in the carrier's spelling whatever case the caller wrote it in.
   */
  private String knownService(CarrierCode carrier, String chosen) {
    Set<String> known = carriers.forCarrier(carrier).serviceTypes();
    if (known.isEmpty()) {
      return chosen.strip(); // a gateway that names no services leaves the choice to its carrier
    }
    return known.stream().filter(name -> name.equalsIgnoreCase(chosen.strip())).findFirst()
        .orElseThrow(() -> new ValidationException("serviceType must be one of " + String.join(", ", new TreeSet<>(known))
            + " for carrier " + carrier.wireName()));
  }

  /**
   * A destination the service resolves to a country the carrier does not label to (USPS domestic labels
   * outside USPS's domestic area; FedEx outside the US while no customs details are sent) would only
   * fail later at the carrier, so it is refused here. A country the service cannot resolve (the seed's
   * "Country") is passed on and the carrier's answer decides.
   */
  private void requireDestinationServed(CarrierCode carrier, PostalAddress destination) {
    Set<String> served = carriers.forCarrier(carrier).destinationCountries();
    destination.isoCountryCode().filter(country -> !served.isEmpty() && !served.contains(country))
        .ifPresent(country -> {
          throw new ValidationException("carrier " + carrier.wireName() + " cannot ship to '" + destination.country()
              + "' in this release; it ships to " + String.join(", ", new TreeSet<>(served)));
        });
  }

  @Override
  public Shipment createShipment(CreateShipmentCommand command) {
    Shipment shipment = newShipment(command);
    // One atomic write, so no transaction of its own: the request costs the database one round trip.
    shipments.addWithLabelTask(shipment, shipment.createdAt());
    return shipment;
  }

  /**
   * The shipment {@code command} asks for, checked and with its ids reserved, not yet stored; its
   * labels are due at once.
   *
   * @throws ValidationException when the carrier or service cannot be had
   */
  Shipment newShipment(CreateShipmentCommand command) {
    CarrierCode carrier = command.carrierIfChosen().orElse(preferences.defaultCarrier());
    if (!carriers.supports(carrier)) {
      throw new ValidationException("carrier " + carrier.wireName() + " is not enabled");
    }
    requireDestinationServed(carrier, command.address().postal());
    String serviceType = command.serviceTypeIfChosen()
        .map(chosen -> knownService(carrier, chosen))
        .orElseGet(() -> preferences.serviceTypeFor(carrier));
    List<ParcelRequest> requested = command.parcels().isEmpty() ? List.of(preferences.defaultParcel()) : command.parcels();
    Instant now = clock.instant();
    ShipmentId id = shipments.nextShipmentId();
    List<Parcel> parcels = requested.stream()
        .map(p -> Parcel.pending(shipments.nextParcelId(), id, p.weight(), p.dimensions(), now))
        .toList();
    return Shipment.create(
        id, command.orderId(), command.address(), command.recipient(), carrier, serviceType, parcels, now);
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link LabelRequest} to FedEx's create-shipment body. The shipment reference goes into each
 * package's CUSTOMER_REFERENCE (so Track by reference finds what an interrupted attempt bought) and the
 * package id into P_O_NUMBER (so pieces map back to parcels even without sequence numbers). What FedEx's
 * published contract would refuse (a service it does not sell here, a destination outside the US, an
 * address part over its length, a phone that is not ten digits) is refused here, before any call.
 */
final class FedexShipRequestMapper {
  static final String PARCEL_REFERENCE_TYPE = "P_O_NUMBER";
  /** This release sends no customs details, so FedEx labels go to US addresses only. */
  static final Set<String> DESTINATIONS = Set.of("US");
  static final int MAX_STREET_LINE = 35;
  static final int MAX_CITY = 35;
  static final int MAX_POSTAL_CODE = 10;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FedexShipRequestMapper() {}

  static ObjectNode body(LabelRequest request, FedexConfig config, LocalDate shipDate) {
    FedexShipmentDefaults defaults = config.shipmentDefaults();
    FedexShipper shipper = config.shipper();
    ObjectNode shipment = NODES.objectNode();
    String serviceType = serviceType(request, defaults);
    shipment.set("shipper", party(contact(shipper.personName(), shipper.companyName(), shipper.phoneNumber(), null),
        shipper.address()));
    shipment.set("recipients", NODES.arrayNode().add(party(recipientContact(request.recipient(), defaults),
        domestic(request.destination()))));
    shipment.put("shipDatestamp", shipDate.toString());
    shipment.put("serviceType", serviceType);
    shipment.put("packagingType", defaults.packagingType());
    shipment.put("pickupType", defaults.pickupType());
    shipment.put("totalWeight", totalPounds(request.parcels()));
    shipment.put("totalPackageCount", request.parcels().size());
    shipment.putObject("shippingChargesPayment").put("paymentType", "SENDER")
        .putObject("payor").putObject("responsibleParty").putObject("accountNumber")
        .put("value", config.accountNumber().reveal());
    LabelFormat format = labelFormat(request, defaults);
    shipment.putObject("labelSpecification")
        .put("imageType", imageType(format))
        .put("labelStockType", format == LabelFormat.ZPL ? "STOCK_4X6" : defaults.labelStockType())
        .put("labelFormatType", "COMMON2D");
    ArrayNode packages = shipment.putArray("requestedPackageLineItems");
    List<ParcelSpec> parcels = request.parcels();
    for (int i = 0; i < parcels.size(); i++) {
      packages.add(packageItem(i + 1, parcels.get(i), request.reference()));
    }
    ObjectNode body = NODES.objectNode();
    body.put("labelResponseOptions", "LABEL");
    body.put("mergeLabelDocOption", "NONE");
    body.set("requestedShipment", shipment);
    body.putObject("accountNumber").put("value", config.accountNumber().reveal());
    return body;
  }

  /** Cancel body: the whole shipment under this tracking number (DELETE_ALL_PACKAGES, the only value). */
  static ObjectNode cancelBody(FedexConfig config, TrackingNumber trackingNumber) {
    ObjectNode body = NODES.objectNode();
    body.putObject("accountNumber").put("value", config.accountNumber().reveal());
    body.put("trackingNumber", trackingNumber.value());
    body.put("deletionControl", "DELETE_ALL_PACKAGES");
    body.put("senderCountryCode", config.shipper().address().isoCountryCode().orElse("US"));
    body.put("emailShipment", false);
    return body;
  }

  static String serviceType(LabelRequest request, FedexShipmentDefaults defaults) {
    if (request.serviceType() == null || request.serviceType().isBlank()) {
      return defaults.serviceType();
    }
    String serviceType = request.serviceType().strip().toUpperCase(Locale.ROOT);
    if (!FedexServiceTypes.ALL.contains(serviceType)) {
      throw rejected("'" + request.serviceType() + "' is not a FedEx service type this shop ships with");
    }
    return serviceType;
  }

  static LabelFormat labelFormat(LabelRequest request, FedexShipmentDefaults defaults) {
    return request.labelFormat() == null ? defaults.labelFormat() : request.labelFormat();
  }

  /** FedEx wants the shipment's weight in pounds with one decimal; rounded up, never under-declared. */
  static BigDecimal totalPounds(List<ParcelSpec> parcels) {
    BigDecimal total = parcels.stream().map(parcel -> parcel.weight().inPounds()).reduce(BigDecimal.ZERO, BigDecimal::add);
    return total.setScale(1, RoundingMode.CEILING);
  }

  private static String imageType(LabelFormat format) {
    return switch (format) {
      case PDF -> "PDF";
      case ZPL -> "ZPLII";
      case PNG -> "PNG";
    };
  }

  private static ObjectNode packageItem(int sequence, ParcelSpec parcel, String reference) {
    ObjectNode item = NODES.objectNode();
    item.put("sequenceNumber", sequence);
    item.put("groupPackageCount", 1);
    item.putObject("weight").put("units", parcel.weight().unit().name()).put("value", parcel.weight().value());
    Dimensions dimensions = parcel.dimensions();
    if (dimensions != null) {
      // FedEx takes whole numbers only; round up so the declared box is never smaller than the real one.
      item.putObject("dimensions")
          .put("length", dimensions.length().setScale(0, RoundingMode.CEILING).intValueExact())
          .put("width", dimensions.width().setScale(0, RoundingMode.CEILING).intValueExact())
          .put("height", dimensions.height().setScale(0, RoundingMode.CEILING).intValueExact())
          .put("units", dimensions.unit().name());
    }
    ArrayNode references = item.putArray("customerReferences");
    references.addObject().put("customerReferenceType", "CUSTOMER_REFERENCE").put("value", reference);
    references.addObject().put("customerReferenceType", PARCEL_REFERENCE_TYPE).put("value", parcel.parcelId().toString());
    return item;
  }

  /**
   * The recipient's name, company, phone and email; without a recipient (or without a phone) the
   * configured fallback contact. FedEx takes US phone numbers as exactly ten digits.
   */
  private static ObjectNode recipientContact(Recipient recipient, FedexShipmentDefaults defaults) {
    if (recipient == null) {
      return contact(defaults.recipientName(), null, defaults.recipientPhone(), null);
    }
    String phone = recipient.phone() == null ? defaults.recipientPhone() : recipient.nationalPhone();
    if (!phone.matches("\\d{10}")) {
      throw rejected("FedEx needs a ten-digit US phone number for the recipient, not '" + recipient.phone() + "'");
    }
    return contact(recipient.name(), recipient.company(), phone, recipient.email());
  }

  private static ObjectNode contact(String person, String company, String phone, String email) {
    ObjectNode contact = NODES.objectNode();
    if (person != null && !person.isBlank()) {
      contact.put("personName", person);
    }
    if (company != null && !company.isBlank()) {
      contact.put("companyName", company);
    }
    contact.put("phoneNumber", phone);
    if (email != null) {
      contact.put("emailAddress", email);
    }
    return contact;
  }

  /** This release sends no customs block, so FedEx labels are for US destinations only. */
  private static PostalAddress domestic(PostalAddress address) {
    String country = address.isoCountryCode().orElseThrow(() -> rejected(
        "FedEx needs a two-letter country code; cannot resolve country '" + address.country() + "'"));
    if (!DESTINATIONS.contains(country)) {
      throw rejected("FedEx labels to " + country + " need customs details, which this service does not send");
    }
    if (address.stateOrProvince() == null || !address.stateOrProvince().matches("[A-Za-z]{2}")) {
      throw rejected("FedEx needs the two-letter state of a US address, not '" + address.stateOrProvince() + "'");
    }
    return address;
  }

  private static ObjectNode party(ObjectNode contact, PostalAddress address) {
    ObjectNode party = NODES.objectNode();
    party.set("contact", contact);
    ObjectNode node = party.putObject("address");
    ArrayNode lines = node.putArray("streetLines");
    address.streetLines().forEach(line -> lines.add(limited("street line", line, MAX_STREET_LINE)));
    node.put("city", limited("city", address.city(), MAX_CITY));
    if (address.stateOrProvince() != null) {
      node.put("stateOrProvinceCode", address.stateOrProvince().toUpperCase(Locale.ROOT));
    }
    if (address.postalCode() != null) {
      node.put("postalCode", limited("postal code", address.postalCode(), MAX_POSTAL_CODE));
    }
    node.put("countryCode", address.isoCountryCode().orElseThrow(() -> rejected(
        "FedEx needs a two-letter country code; cannot resolve country '" + address.country() + "'")));
    return party;
  }

  private static String limited(String what, String text, int max) {
    if (text.length() > max) {
      throw rejected("FedEx takes at most " + max + " characters per " + what + ", not " + text.length()
          + " ('" + text + "')");
    }
    return text;
  }

  private static CarrierRejectedException rejected(String message) {
    return new CarrierRejectedException(CarrierCode.FEDEX, message, null);
  }
}

package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.model.CarrierCode;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A {@link LabelRequest} to FedEx's create-shipment body. The shipment reference goes into each
 * package's CUSTOMER_REFERENCE (so Track by reference finds what an interrupted attempt bought) and the
 * package id into P_O_NUMBER (so pieces map back to parcels even without sequence numbers).
 */
final class FedexShipRequestMapper {
  static final String PARCEL_REFERENCE_TYPE = "P_O_NUMBER";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FedexShipRequestMapper() {}

  static ObjectNode body(LabelRequest request, FedexConfig config, LocalDate shipDate) {
    FedexShipmentDefaults defaults = config.shipmentDefaults();
    FedexShipper shipper = config.shipper();
    ObjectNode shipment = NODES.objectNode();
    shipment.set("shipper", party(shipper.personName(), shipper.companyName(), shipper.phoneNumber(), shipper.address()));
    shipment.set("recipients", NODES.arrayNode()
        .add(party(defaults.recipientName(), null, defaults.recipientPhone(), request.recipient())));
    shipment.put("shipDatestamp", shipDate.toString());
    shipment.put("serviceType", serviceType(request, defaults));
    shipment.put("packagingType", defaults.packagingType());
    shipment.put("pickupType", defaults.pickupType());
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

  static String serviceType(LabelRequest request, FedexShipmentDefaults defaults) {
    return request.serviceType() == null || request.serviceType().isBlank()
        ? defaults.serviceType() : request.serviceType().strip().toUpperCase(Locale.ROOT);
  }

  static LabelFormat labelFormat(LabelRequest request, FedexShipmentDefaults defaults) {
    return request.labelFormat() == null ? defaults.labelFormat() : request.labelFormat();
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

  private static ObjectNode party(String person, String company, String phone, PostalAddress address) {
    ObjectNode party = NODES.objectNode();
    ObjectNode contact = party.putObject("contact");
    if (person != null && !person.isBlank()) {
      contact.put("personName", person);
    }
    if (company != null && !company.isBlank()) {
      contact.put("companyName", company);
    }
    contact.put("phoneNumber", phone);
    ObjectNode node = party.putObject("address");
    ArrayNode lines = node.putArray("streetLines");
    address.streetLines().forEach(lines::add);
    node.put("city", address.city());
    if (address.stateOrProvince() != null) {
      node.put("stateOrProvinceCode", address.stateOrProvince());
    }
    if (address.postalCode() != null) {
      node.put("postalCode", address.postalCode());
    }
    node.put("countryCode", address.isoCountryCode().orElseThrow(() -> new CarrierRejectedException(CarrierCode.FEDEX,
        "FedEx needs a two-letter country code; cannot resolve country '" + address.country() + "'", null)));
    return party;
  }
}

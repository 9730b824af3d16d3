package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.LengthUnit;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a label request for one package to the body of {@code POST /labels/v3/label}. What USPS's
 * published contract would refuse (an address part over its length, a state it does not know, a mail
 * class outside its enum) is refused here, before any call, with the reason.
 */
final class UspsLabelRequestMapper {
  /** Places USPS delivers to as domestic mail: the US and its territories and freely associated states. */
  static final Set<String> DOMESTIC = Set.of("US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW");
  /** The {@code State} pattern of the Labels document: states, territories and military codes. */
  private static final Pattern STATE = Pattern.compile("AA|AE|AL|AK|AP|AS|AZ|AR|CA|CO|CT|DE|DC|FM|FL|GA|GU|HI|ID|IL|IN"
      + "|IA|KS|KY|LA|ME|MH|MD|MA|MI|MN|MS|MO|MP|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PW|PA|PR|RI|SC|SD|TN|TX|UT|VT"
      + "|VI|VA|WA|WV|WI|WY");
  private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
  private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
  static final int MAX_STREET = 50;
  static final int MAX_CITY = 28;
  static final int MAX_NAME_PART = 50;
  private static final int MAX_REFERENCE = 30;

  private final UspsConfig config;
  private final ObjectMapper json;

  UspsLabelRequestMapper(UspsConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  static String imageType(LabelFormat format) {
    return switch (format) {
      case PDF -> "PDF";
      case ZPL -> "ZPL203DPI";
      case PNG -> "PNG";
    };
  }

  String mailClass(LabelRequest request) {
    if (request.serviceType() == null || request.serviceType().isBlank()) {
      return config.labelDefaults().mailClass();
    }
    String mailClass = request.serviceType().strip().toUpperCase(Locale.ROOT);
    if (!UspsMailClasses.ALL.contains(mailClass)) {
      throw rejected("'" + request.serviceType() + "' is not a USPS mail class");
    }
    return mailClass;
  }

  LabelFormat format(LabelRequest request) {
    return request.labelFormat() == null ? config.labelDefaults().labelFormat() : request.labelFormat();
  }

  String body(LabelRequest request, ParcelSpec parcel, PurchaseKey key) {
    UspsLabelDefaults defaults = config.labelDefaults();
    ObjectNode root = json.createObjectNode();
    root.putObject("imageInfo")
        .put("imageType", imageType(format(request)))
        .put("labelType", defaults.labelType())
        .put("receiptOption", "NONE");
    ObjectNode to = address(request.destination());
    addressee(to, request.recipient());
    root.set("toAddress", to);
    root.set("fromAddress", fromAddress());
    Dimensions size = parcel.dimensions() == null ? defaults.defaultDimensions() : parcel.dimensions();
    ObjectNode pkg = root.putObject("packageDescription")
        .put("mailClass", mailClass(request))
        .put("rateIndicator", defaults.rateIndicator())
        .put("weightUOM", "lb")
        .put("weight", parcel.weight().inPounds())
        .put("dimensionsUOM", "in")
        .put("length", inches(size.length(), size.unit()))
        .put("width", inches(size.width(), size.unit()))
        .put("height", inches(size.height(), size.unit()))
        .put("processingCategory", defaults.processingCategory())
        .put("mailingDate", key.mailingDate().toString())
        .put("destinationEntryFacilityType", "NONE");
    String reference = request.reference();
    pkg.putArray("customerReference").addObject()
        .put("referenceNumber", reference.length() > MAX_REFERENCE ? reference.substring(0, MAX_REFERENCE) : reference)
        .put("printReferenceNumber", true);
    return root.toString();
  }

  private ObjectNode address(PostalAddress address) {
    String country = address.isoCountryCode().orElse("");
    if (!DOMESTIC.contains(country)) {
      throw rejected("USPS domestic labels need a US address, not '" + address.country() + "'");
    }
    if (address.stateOrProvince() == null || address.postalCode() == null) {
      throw rejected("USPS labels need the recipient's state and ZIP Code");
    }
    String state = address.stateOrProvince().toUpperCase(Locale.ROOT);
    if (!STATE.matcher(state).matches()) {
      throw rejected("'" + address.stateOrProvince() + "' is not a two-letter state USPS knows");
    }
    Matcher zip = ZIP.matcher(address.postalCode());
    if (!zip.matches()) {
      throw rejected("'" + address.postalCode() + "' is not a US ZIP Code");
    }
    List<String> lines = address.streetLines();
    ObjectNode node = json.createObjectNode().put("streetAddress", limited("street address", lines.get(0), MAX_STREET));
    if (lines.size() > 1) {
      node.put("secondaryAddress", limited("secondary address", String.join(" ", lines.subList(1, lines.size())),
          MAX_STREET));
    }
    node.put("city", limited("city", address.city(), MAX_CITY)).put("state", state).put("ZIPCode", zip.group(1));
    if (zip.group(2) != null) {
      node.put("ZIPPlus4", zip.group(2));
    }
    return node;
  }

  /**
   * USPS prints firstName and lastName, or a firm: the recipient's name is split at its last space,
   * its company is the firm; a one-word name goes in as the firm. Without a recipient the configured
   * fallback firm is printed.
   */
  private void addressee(ObjectNode to, Recipient recipient) {
    if (recipient == null) {
      to.put("firm", config.labelDefaults().recipientFallbackFirm());
      return;
    }
    String name = recipient.name();
    int space = name == null ? -1 : name.lastIndexOf(' ');
    if (space > 0) {
      to.put("firstName", limited("recipient first name", name.substring(0, space), MAX_NAME_PART))
          .put("lastName", limited("recipient last name", name.substring(space + 1), MAX_NAME_PART));
    }
    String firm = recipient.company() != null ? recipient.company() : space > 0 ? null : name;
    if (firm != null) {
      to.put("firm", limited("recipient firm", firm, MAX_NAME_PART));
    }
    if (recipient.phone() != null) {
      to.put("phone", recipient.nationalPhone());
    }
    if (recipient.email() != null) {
      to.put("email", recipient.email());
    }
  }

  private ObjectNode fromAddress() {
    UspsSender sender = config.sender();
    ObjectNode node = json.createObjectNode();
    if (sender.name() != null) {
      int space = sender.name().lastIndexOf(' ');
      if (space > 0) {
        node.put("firstName", sender.name().substring(0, space)).put("lastName", sender.name().substring(space + 1));
      }
    }
    if (sender.firm() != null) {
      node.put("firm", sender.firm());
    }
    node.put("streetAddress", sender.streetAddress()).put("city", sender.city()).put("state", sender.state())
        .put("ZIPCode", sender.zipCode());
    if (sender.zipPlus4() != null) {
      node.put("ZIPPlus4", sender.zipPlus4());
    }
    return node;
  }

  private static String limited(String what, String text, int max) {
    if (text.length() > max) {
      throw rejected("USPS labels take at most " + max + " characters of " + what + ", not " + text.length()
          + " ('" + text + "')");
    }
    return text;
  }

  private static BigDecimal inches(BigDecimal value, LengthUnit unit) {
    return unit == LengthUnit.IN ? value : value.divide(CM_PER_INCH, 2, RoundingMode.UP);
  }

  private static CarrierRejectedException rejected(String message) {
    return new CarrierRejectedException(CarrierCode.USPS, message, null);
  }
}

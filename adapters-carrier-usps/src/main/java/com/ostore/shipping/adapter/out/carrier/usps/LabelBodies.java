package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.LengthUnit;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a label request for one package to the body of {@code POST /labels/v3/label}. */
final class LabelBodies {
  /** Places USPS delivers to as domestic mail: the US and its territories and freely associated states. */
  private static final Set<String> DOMESTIC = Set.of("US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW");
  private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
  private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
  private static final int MAX_REFERENCE = 30;

  private final UspsConfig config;
  private final ObjectMapper json;

  LabelBodies(UspsConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** The same reference and package give the same key, so a retried purchase is never charged twice. */
  static String idempotencyKey(String reference, ParcelSpec parcel) {
    String seed = "usps-label:" + reference + ":" + parcel.parcelId().value();
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String imageType(LabelFormat format) {
    return switch (format) {
      case PDF -> "PDF";
      case ZPL -> "ZPL203DPI";
      case PNG -> "PNG";
    };
  }

  String mailClass(LabelRequest request) {
    return request.serviceType() == null ? config.labelDefaults().mailClass() : request.serviceType();
  }

  LabelFormat format(LabelRequest request) {
    return request.labelFormat() == null ? config.labelDefaults().labelFormat() : request.labelFormat();
  }

  String body(LabelRequest request, ParcelSpec parcel) {
    UspsLabelDefaults defaults = config.labelDefaults();
    ObjectNode root = json.createObjectNode();
    root.putObject("imageInfo")
        .put("imageType", imageType(format(request)))
        .put("labelType", defaults.labelType())
        .put("receiptOption", "NONE");
    root.set("toAddress", toAddress(request.recipient()));
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
        .put("mailingDate", LocalDate.now(config.clock().withZone(config.localTimeZone())).toString())
        .put("destinationEntryFacilityType", "NONE");
    String reference = request.reference();
    pkg.putArray("customerReference").addObject()
        .put("referenceNumber", reference.length() > MAX_REFERENCE ? reference.substring(0, MAX_REFERENCE) : reference)
        .put("printReferenceNumber", true);
    return root.toString();
  }

  private ObjectNode toAddress(PostalAddress address) {
    String country = address.isoCountryCode().orElse("");
    if (!DOMESTIC.contains(country)) {
      throw rejected("USPS domestic labels need a US address, not '" + address.country() + "'");
    }
    if (address.stateOrProvince() == null || address.postalCode() == null) {
      throw rejected("USPS labels need the recipient's state and ZIP Code");
    }
    Matcher zip = ZIP.matcher(address.postalCode());
    if (!zip.matches()) {
      throw rejected("'" + address.postalCode() + "' is not a US ZIP Code");
    }
    List<String> lines = address.streetLines();
    ObjectNode node = json.createObjectNode().put("streetAddress", lines.get(0));
    if (lines.size() > 1) {
      node.put("secondaryAddress", String.join(" ", lines.subList(1, lines.size())));
    }
    node.put("city", address.city()).put("state", address.stateOrProvince()).put("ZIPCode", zip.group(1));
    if (zip.group(2) != null) {
      node.put("ZIPPlus4", zip.group(2));
    }
    return node;
  }

  private ObjectNode fromAddress() {
    UspsSender sender = config.sender();
    ObjectNode node = json.createObjectNode();
    if (sender.name() != null) {
      int space = sender.name().lastIndexOf(' ');
      node.put("firstName", space < 0 ? sender.name() : sender.name().substring(0, space));
      if (space > 0) {
        node.put("lastName", sender.name().substring(space + 1));
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

  private static BigDecimal inches(BigDecimal value, LengthUnit unit) {
    return unit == LengthUnit.IN ? value : value.divide(CM_PER_INCH, 2, RoundingMode.UP);
  }

  private static CarrierRejectedException rejected(String message) {
    return new CarrierRejectedException(CarrierCode.USPS, message, null);
  }
}

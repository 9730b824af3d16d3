package com.ostore.shipping.sandbox.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/** Builds the bodies USPS sends: its error envelope, tracking details and label responses. */
final class UspsSimJson {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BOUNDARY = "sim-usps-boundary-7f3a";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private UspsSimJson() {}

  static String error(String api, int status, String message, String code, String title, String detail, String parameter) {
    ObjectNode root = JSON.createObjectNode().put("apiVersion", api);
    ObjectNode error = root.putObject("error").put("code", String.valueOf(status)).put("message", message);
    ObjectNode item = error.putArray("errors").addObject().put("status", String.valueOf(status));
    if (code != null) {
      item.put("code", code);
    }
    item.put("title", title).put("detail", detail);
    if (parameter != null) {
      item.putObject("source").put("parameter", parameter);
    }
    return root.toString();
  }

  /**
   * A request the published contract refuses: HTTP 400 and one {@code errors[]} entry per problem, the
   * parameter and the rule. USPS's error inventory code is given where it names the rule (160075 for a
   * missing addressee name); the others carry none rather than an invented one.
   */
  static String invalid(String api, List<ContractViolation> violations) {
    ObjectNode root = JSON.createObjectNode().put("apiVersion", api);
    ObjectNode error = root.putObject("error").put("code", "400").put("message", "Bad Request");
    ArrayNode errors = error.putArray("errors");
    boolean nameReported = false;
    for (ContractViolation violation : violations) {
      boolean nameRule = violation.keyword().equals("required") && violation.location().endsWith("Address")
          && violation.message().matches(".*'(firstName|lastName|firm)'.*");
      if (nameRule && nameReported) {
        continue;
      }
      ObjectNode item = errors.addObject().put("status", "400");
      if (nameRule) {
        nameReported = true;
        item.put("code", "160075").put("title", "Bad Request").put("detail", "firstName and lastName or firm name are required");
        item.putObject("source").put("parameter", parameter(violation.location()) + ".firstName, lastName, firm");
      } else {
        item.put("title", "Bad Request").put("detail", violation.message());
        item.putObject("source").put("parameter", parameter(violation.location()));
      }
    }
    return root.toString();
  }

  /** A JSON pointer as USPS names parameters: {@code /toAddress/city} becomes {@code toAddress.city}. */
  private static String parameter(String pointer) {
    String dotted = pointer.replaceFirst("^/", "").replace('/', '.');
    return dotted.isEmpty() ? "body" : dotted;
  }

  static ObjectNode detail(String trackingNumber, List<UspsSimParcels.Scan> scans) {
    ObjectNode root = JSON.createObjectNode().put("trackingNumber", trackingNumber)
        .put("mailClass", "USPS Ground Advantage<SUP>&#153;</SUP>").put("mailType", "DM");
    String latest = scans.isEmpty() ? "Pre-Shipment" : scans.get(0).description();
    root.put("status", latest).put("statusCategory", category(scans.isEmpty() ? "" : scans.get(0).code()));
    ArrayNode events = root.putArray("trackingEvents");
    for (UspsSimParcels.Scan scan : scans) {
      ZonedDateTime local = scan.at().atZone(zoneOf(scan.state()));
      events.addObject()
          .put("eventType", scan.description())
          .put("eventTimestamp", LOCAL.format(local))
          .put("GMTTimestamp", scan.at().truncatedTo(ChronoUnit.SECONDS).toString())
          .put("GMTOffset", local.getOffset().getId().equals("Z") ? "+00:00" : local.getOffset().getId())
          .put("eventCity", scan.city())
          .put("eventState", scan.state())
          .put("eventZIPCode", scan.zip())
          .putNull("eventCountry")
          .put("eventCode", scan.code());
    }
    return root;
  }

  static ObjectNode metadata(String trackingNumber, String zip, Instant now) {
    ObjectNode node = JSON.createObjectNode();
    node.putObject("labelAddress").put("ZIPCode", zip);
    return node.put("routingInformation", "420" + zip).put("trackingNumber", trackingNumber).put("postage", 8.45)
        .put("zone", "05").put("weightUOM", "LB").put("mailingDate", now.toString().substring(0, 10))
        .put("bannerText", "USPS TRACKING # USPS Ship").put("SKU", "DUXR0XXXXC05020");
  }

  static byte[] image(String imageType, String trackingNumber, String addressee) {
    String text = imageType != null && imageType.startsWith("ZPL")
        ? "^XA^FO50,50^A0N,30,30^FDSHIP TO: " + addressee + "^FS^FO50,100^BCN,100,Y,N,N^FD" + trackingNumber + "^FS^XZ"
        : "%PDF-1.4\n% USPS simulator label " + trackingNumber + "\n% SHIP TO: " + addressee + "\n%%EOF\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String multipart(ObjectNode metadata, byte[] image) {
    String crlf = "\r\n";
    return "--" + BOUNDARY + crlf + "Content-Type: application/json" + crlf
        + "Content-Disposition: form-data; name=\"labelMetadata\"" + crlf + crlf + metadata + crlf
        + "--" + BOUNDARY + crlf + "Content-Type: application/pdf" + crlf
        + "Content-Disposition: form-data; filename=\"labelImage.pdf\"; name=\"labelImage\"" + crlf
        // USPS labels the part binary yet sends base64; the simulator does the same.
        + "Content-Transfer-Encoding: binary" + crlf + crlf
        + Base64.getEncoder().encodeToString(image) + crlf + "--" + BOUNDARY + "--" + crlf;
  }

  static String json(ObjectNode metadata, byte[] image) {
    return metadata.deepCopy().put("labelImage", Base64.getEncoder().encodeToString(image)).toString();
  }

  static String token(String value, Duration lifetime, Instant issuedAt) {
    return JSON.createObjectNode().put("access_token", value).put("token_type", "Bearer")
        .put("issued_at", String.valueOf(issuedAt.toEpochMilli()))
        .put("expires_in", String.valueOf(lifetime.toSeconds())).put("status", "approved")
        .put("scope", "addresses tracking labels payments").put("issuer", "usps-simulator").toString();
  }

  private static String category(String code) {
    return switch (code) {
      case "GX" -> "Pre-Shipment";
      case "03" -> "Accepted";
      case "OF" -> "Out for Delivery";
      case "01" -> "Delivered";
      case "" -> "Pre-Shipment";
      default -> "In Transit";
    };
  }

  private static ZoneId zoneOf(String state) {
    if (state == null) {
      return ZoneId.of("America/New_York");
    }
    return switch (state) {
      case "CA", "WA", "OR", "NV" -> ZoneId.of("America/Los_Angeles");
      case "CO", "UT", "NM", "MT", "WY", "ID" -> ZoneId.of("America/Denver");
      case "AZ" -> ZoneId.of("America/Phoenix");
      case "TX", "IL", "MO", "MN", "WI", "IA", "OK", "KS", "NE", "LA", "AL", "MS", "AR", "TN" -> ZoneId.of("America/Chicago");
      default -> ZoneId.of("America/New_York");
    };
  }
}

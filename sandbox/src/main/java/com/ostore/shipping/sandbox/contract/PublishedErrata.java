package com.ostore.shipping.sandbox.contract;

import static com.ostore.shipping.sandbox.contract.Erratum.Kind.CORRECTION;
import static com.ostore.shipping.sandbox.contract.Erratum.Kind.LIVE_RULE;
import static com.ostore.shipping.sandbox.contract.Erratum.Kind.PROSE_RULE;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every place the vendored schemas are known to be looser or stricter than the carrier, as patches.
 * The same list is the table "Known differences" in {@code carrier-contracts/README.md}; a new entry
 * goes in both, with a test in {@code PublishedErrataTest}.
 */
public final class PublishedErrata {
  private PublishedErrata() {}

  public static List<Erratum> all() {
    return List.of(
        new Erratum("fedex-track-reference-ship-date-end", PublishedContract.FEDEX_TRACK, CORRECTION,
            "Track by References requires 'shipDateEndDate'; the API takes 'shipDateEnd'",
            "track.json: ReferenceInformation.required names shipDateEndDate, but the schema's own example "
                + "(Full_Schema_Tracking_References) and TrackingInfo use shipDateBegin/shipDateEnd",
            document -> {
              ObjectNode reference = (ObjectNode) document.at("/components/schemas/ReferenceInformation");
              ObjectNode properties = (ObjectNode) reference.get("properties");
              properties.set("shipDateEnd", properties.remove("shipDateEndDate"));
              replaceRequired(reference, "shipDateEndDate", "shipDateEnd");
            }),
        new Erratum("fedex-track-30-numbers", PublishedContract.FEDEX_TRACK, PROSE_RULE,
            "trackingInfo takes 1 to 30 entries",
            "track.json: Full_Schema_Tracking_Numbers.trackingInfo description \"At least one occurrence of "
                + "TrackingInfo is required. Maximum limit is 30.\"",
            document -> ((ObjectNode) document.at("/components/schemas/Full_Schema_Tracking_Numbers/properties/trackingInfo"))
                .put("minItems", 1).put("maxItems", 30)),
        new Erratum("fedex-party-contact", PublishedContract.FEDEX_SHIP, PROSE_RULE,
            "a shipper or recipient contact has a personName (at most 70) or a companyName (at most 35), and a "
                + "phoneNumber of 10 to 15 characters; emailAddress at most 80, phoneExtension at most 6",
            "ship-api.json: PartyContact property descriptions (\"Maximum length is 70. Note: Either the companyName "
                + "or personName is mandatory\", \"Max length is 35\", \"Minimum length is 10 and supports maximum "
                + "of 15\", \"Maximum length is 80\", \"Maximum length is 6\")",
            document -> {
              ObjectNode contact = (ObjectNode) document.at("/components/schemas/PartyContact");
              ObjectNode properties = (ObjectNode) contact.get("properties");
              ((ObjectNode) properties.get("personName")).put("maxLength", 70);
              ((ObjectNode) properties.get("companyName")).put("maxLength", 35);
              ((ObjectNode) properties.get("phoneNumber")).put("minLength", 10).put("maxLength", 15);
              ((ObjectNode) properties.get("emailAddress")).put("maxLength", 80);
              ((ObjectNode) properties.get("phoneExtension")).put("maxLength", 6);
              ArrayNode either = contact.putArray("anyOf");
              either.addObject().putArray("required").add("personName");
              either.addObject().putArray("required").add("companyName");
            }),
        new Erratum("fedex-party-address-lines", PublishedContract.FEDEX_SHIP, PROSE_RULE,
            "a shipper or recipient address has 1 or more streetLines of at most 35 characters, a postalCode of "
                + "at most 10 and a two-letter countryCode",
            "ship-api.json: PartyAddress_2 descriptions (streetLines \"At least one line is required ... Max Length "
                + "is 35\"; postalCode \"Maximum length is 10\"; countryCode \"two-letter country code\")",
            document -> {
              ObjectNode properties = (ObjectNode) document.at("/components/schemas/PartyAddress_2/properties");
              ObjectNode lines = (ObjectNode) properties.get("streetLines");
              lines.put("minItems", 1);
              ((ObjectNode) lines.get("items")).put("maxLength", 35);
              ((ObjectNode) properties.get("postalCode")).put("maxLength", 10);
              ((ObjectNode) properties.get("countryCode")).put("minLength", 2).put("maxLength", 2);
            }),
        new Erratum("usps-label-addressee-name", PublishedContract.USPS_LABELS, LIVE_RULE,
            "toAddress and fromAddress need firstName and lastName, or a non-empty firm",
            "USPS Error Inventory (USPS/api-examples, Domestic Labels Outbound): 160075 \"firstName and lastName "
                + "or firm name are required\"; the schema requires none of the three",
            document -> {
              ObjectNode label = (ObjectNode) document.at("/components/schemas/LabelRequest/properties");
              label.set("toAddress", withAddressee((ObjectNode) label.get("toAddress").deepCopy()));
              label.set("fromAddress", withAddressee((ObjectNode) label.get("fromAddress").deepCopy()));
            }),
        new Erratum("usps-payment-roles", PublishedContract.USPS_PAYMENTS, PROSE_RULE,
            "each role names itself and carries the ids its description requires; a LABEL_OWNER role is present; "
                + "EPS/METER accounts carry accountNumber, PERMIT/OMAS accounts permitNumber and permitZIP",
            "payments.yaml: post-payments-payment-authorization description (\"When using the PAYER role, the "
                + "accountType and CRID must be specified\" ... \"The PAYER and LABEL_OWNER roles are required\"); "
                + "PaymentAccount property descriptions (\"Required when accountType is PERMIT or OMAS\")",
            PaymentRoles::apply),
        new Erratum("usps-tracking-number-format", PublishedContract.USPS_TRACKING_V3R2, PROSE_RULE,
            "trackingNumber is 4 to 34 letters or digits",
            "tracking-v3r2.yaml: TrackingRequestBody.trackingNumber description \"must be alphanumeric "
                + "characters, string length is between 4 and 34\"",
            document -> ((ObjectNode) document.at("/components/schemas/TrackingRequestBody/properties/trackingNumber"))
                .put("pattern", "^[A-Za-z0-9]{4,34}$")));
  }

  private static ObjectNode withAddressee(ObjectNode addressSchema) {
    ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
    ArrayNode parts = wrapped.putArray("allOf");
    parts.add(addressSchema);
    ArrayNode either = parts.addObject().putArray("anyOf");
    either.addObject().putArray("required").add("firstName").add("lastName");
    ObjectNode firm = either.addObject();
    firm.putArray("required").add("firm");
    firm.putObject("properties").putObject("firm").put("minLength", 1);
    return wrapped;
  }

  static void replaceRequired(ObjectNode schema, String from, String to) {
    ArrayNode required = (ArrayNode) schema.get("required");
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asString().equals(from)) {
        required.set(i, to);
      }
    }
  }
}

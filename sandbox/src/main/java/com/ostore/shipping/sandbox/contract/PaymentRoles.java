package com.ostore.shipping.sandbox.contract;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The role rules the Payments document states in prose, as schema (see {@link PublishedErrata}). */
final class PaymentRoles {
  private PaymentRoles() {}

  static void apply(ObjectNode document) {
    ObjectNode role = (ObjectNode) document.at("/components/schemas/Role");
    ArrayNode kinds = role.putArray("anyOf");
    kind(kinds, List.of("PAYER", "RATE_HOLDER", "RETURN_LABEL_PAYER", "RETURN_LABEL_RATE_HOLDER"),
        List.of("accountType", "CRID"));
    kind(kinds, List.of("LABEL_OWNER", "RETURN_LABEL_OWNER"), List.of("CRID", "MID", "manifestMID"));
    kind(kinds, List.of("SHIPPER", "MAIL_OWNER", "PLATFORM"), List.of("CRID"));
    ObjectNode provider = kind(kinds, List.of("LABEL_PROVIDER"), List.of("CRID", "accountNumber", "accountType"));
    ((ObjectNode) provider.get("properties")).putObject("accountType").putArray("enum").add("EPS");

    ArrayNode accounts = ((ObjectNode) document.at("/components/schemas/PaymentAccount")).putArray("anyOf");
    account(accounts, List.of("EPS", "METER"), List.of("accountNumber"));
    account(accounts, List.of("PERMIT", "OMAS"), List.of("permitNumber", "permitZIP"));
    accounts.addObject().putObject("not").putArray("required").add("accountType");

    ObjectNode roles = (ObjectNode) document.at("/components/schemas/Parties/properties/roles");
    // Only LABEL_OWNER: the document's own PC Postage example authorizes with LABEL_OWNER alone, so
    // "PAYER and LABEL_OWNER are required" holds for EPS and PERMIT payment, not for every request.
    // draft-4 has no "contains": an array contains X when not all of its items are not X.
    ObjectNode labelOwner = JsonNodeFactory.instance.objectNode();
    labelOwner.putArray("required").add("roleName");
    labelOwner.putObject("properties").putObject("roleName").putArray("enum").add("LABEL_OWNER");
    roles.putObject("not").putObject("items").set("not", labelOwner);
  }

  private static void account(ArrayNode accounts, List<String> types, List<String> required) {
    ObjectNode account = accounts.addObject();
    ArrayNode enumeration = account.putObject("properties").putObject("accountType").putArray("enum");
    types.forEach(enumeration::add);
    ArrayNode requiredNames = account.putArray("required").add("accountType");
    required.forEach(requiredNames::add);
  }

  private static ObjectNode kind(ArrayNode kinds, List<String> names, List<String> required) {
    ObjectNode kind = kinds.addObject();
    ArrayNode enumeration = kind.putObject("properties").putObject("roleName").putArray("enum");
    names.forEach(enumeration::add);
    ArrayNode requiredNames = kind.putArray("required").add("roleName");
    required.forEach(requiredNames::add);
    return kind;
  }
}

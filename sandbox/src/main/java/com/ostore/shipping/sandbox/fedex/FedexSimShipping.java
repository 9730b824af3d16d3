package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Create-shipment and cancel, with FedEx's validation errors for addresses, services and accounts. */
final class FedexSimShipping {

  private final FedexSimulator sim;

  FedexSimShipping(FedexSimulator sim) {
    this.sim = sim;
  }

  FedexSimReply create(JsonNode body) {
    sim.counters.createCalls.incrementAndGet();
    JsonNode shipment = body.path("requestedShipment");
    JsonNode address = shipment.path("recipients").path(0).path("address");
    String account = body.path("accountNumber").path("value").asText("");
    if (account.isEmpty() || (sim.settings.accountNumber() != null && !sim.settings.accountNumber().equals(account))) {
      return FedexSimReply.badRequest("ACCOUNTNUMBER.REGISTRATION.REQUIRED",
          "Please enter a valid 9-digit FedEx account number or register for a new FedEx account number.");
    }
    if (!FedexSimulator.SERVICE_TYPES.contains(shipment.path("serviceType").asText())) {
      return FedexSimReply.badRequest("SERVICETYPE.NOT.ALLOWED", "The requested service type is not allowed.");
    }
    if (invalid(address)) {
      return FedexSimReply.badRequest("RECIPIENTS.ADDRESS.INVALID",
          "Recipient address is invalid. Please update and try again.");
    }
    JsonNode items = shipment.path("requestedPackageLineItems");
    if (!items.isArray() || items.isEmpty()) {
      return FedexSimReply.badRequest("REQUESTEDPACKAGELINEITEMS.REQUIRED", "At least one package is required.");
    }
    String serviceType = shipment.path("serviceType").asText();
    String docType = shipment.path("labelSpecification").path("imageType").asText("PDF");
    String[] destination = {address.path("city").asText(""), address.path("stateOrProvinceCode").asText(""),
        address.path("postalCode").asText(""), address.path("countryCode").asText("US")};
    JsonNode contact = shipment.path("recipients").path(0).path("contact");
    String addressee = String.join(" / ", contact.path("personName").asText(""), contact.path("companyName").asText(""))
        .replaceAll("^ / | / $", "");
    Instant now = sim.settings.clock().instant();
    String master = null;
    ObjectNode reply = FedexSimJson.envelope();
    ObjectNode transaction = reply.putObject("output").putArray("transactionShipments").addObject();
    ArrayNode pieces = transaction.putArray("pieceResponses");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String trackingNumber = sim.newTrackingNumber();
      master = master == null ? trackingNumber : master;
      sim.packages.put(trackingNumber, new SimulatedPackage(trackingNumber, master,
          reference(item, "CUSTOMER_REFERENCE"), reference(item, "P_O_NUMBER"), destination, addressee, now));
      sim.counters.labelsCreated.incrementAndGet();
      ObjectNode piece = pieces.addObject().put("masterTrackingNumber", master).put("trackingNumber", trackingNumber)
          .put("packageSequenceNumber", item.path("sequenceNumber").asInt(i + 1)).put("currency", "USD");
      piece.set("customerReferences", item.path("customerReferences"));
      piece.putArray("packageDocuments").addObject().put("contentType", "LABEL").put("copiesToPrint", 1)
          .put("docType", docType)
          .put("encodedLabel", SimulatedLabels.base64Pdf(trackingNumber, serviceType, addressee));
    }
    transaction.put("masterTrackingNumber", master).put("serviceType", serviceType)
        .put("shipDatestamp", LocalDate.ofInstant(now, ZoneOffset.UTC).toString()).putArray("alerts");
    return FedexSimReply.ok(reply);
  }

  /**
   * Cancels the package with that tracking number; a master tracking number with DELETE_ALL_PACKAGES
   * cancels every package of its shipment. Packages FedEx already has, or already cancelled, are refused.
   */
  FedexSimReply cancel(JsonNode body) {
    String trackingNumber = body.path("trackingNumber").asText("");
    SimulatedPackage pkg = sim.packages.get(trackingNumber);
    if (pkg == null) {
      return FedexSimReply.badRequest("TRACKINGNUMBER.ENTERED.INVALID",
          "Error with entered Tracking Number. Please verify the entered Tracking Number.");
    }
    boolean all = "DELETE_ALL_PACKAGES".equals(body.path("deletionControl").asText(""));
    List<SimulatedPackage> targets = new ArrayList<>();
    sim.packages.values().stream()
        .filter(other -> other == pkg || (all && trackingNumber.equals(other.masterTrackingNumber)))
        .forEach(targets::add);
    Instant now = sim.settings.clock().instant();
    int cancelled = 0;
    for (SimulatedPackage target : targets) {
      cancelled += target.cancel(now, sim.settings.stageDuration()) ? 1 : 0;
    }
    if (cancelled == 0) {
      return FedexSimReply.badRequest("SHIPMENT.CANCEL.NOTALLOWED", targets.stream().allMatch(SimulatedPackage::isCancelled)
          ? "The shipment has already been cancelled."
          : "The shipment has been tendered to FedEx and cannot be cancelled.");
    }
    sim.counters.cancels.addAndGet(cancelled);
    ObjectNode reply = FedexSimJson.envelope();
    reply.putObject("output").put("cancelledShipment", true).put("cancelledHistory", true)
        .put("successMessage", "Success");
    return FedexSimReply.ok(reply);
  }

  private static boolean invalid(JsonNode address) {
    if ("00000".equals(address.path("postalCode").asText()) || address.path("city").asText().isBlank()) {
      return true;
    }
    for (JsonNode line : address.path("streetLines")) {
      if (line.asText().toUpperCase(java.util.Locale.ROOT).contains("INVALID")) {
        return true;
      }
    }
    return false;
  }

  private static String reference(JsonNode item, String type) {
    for (JsonNode reference : item.path("customerReferences")) {
      if (type.equals(reference.path("customerReferenceType").asText())) {
        return reference.path("value").asText("");
      }
    }
    return "";
  }
}
